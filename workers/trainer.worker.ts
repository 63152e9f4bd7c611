// Browser Web Worker entry: exposes the trainer over comlink.
import * as Comlink from 'comlink';
import { initBrowserBackend } from '../src/training/browserBackend';
import { createTrainerApi } from './trainerApi';

Comlink.expose(createTrainerApi(initBrowserBackend));
