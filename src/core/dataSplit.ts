// Moved to ./dataset/dataSplit; this re-export keeps bench/table/tableTrainer.ts (whose folder is held
// by a running table build) resolving until that file's import is updated. Delete it then.
export * from './dataset/dataSplit';
