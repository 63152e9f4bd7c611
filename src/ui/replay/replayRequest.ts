// A button elsewhere on the page (the finished study's pointer to real fidelity) asks the replay
// panel to open and come into view. A counter, not a flag: asking twice scrolls twice.
import { create } from 'zustand';

interface ReplayRequest {
  asked: number;
  ask: () => void;
}

export const useReplayRequest = create<ReplayRequest>((set) => ({
  asked: 0,
  ask: () => set((s) => ({ asked: s.asked + 1 })),
}));
