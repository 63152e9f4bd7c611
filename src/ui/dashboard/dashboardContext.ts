// What every chart card needs from its container without reading the store: the file name prefix
// for exports and whether a lesson link hid the export buttons.
import { createContext } from 'react';

export interface DashboardContextValue {
  exportPrefix: string;
  canExport: boolean;
}

export const DashboardContext = createContext<DashboardContextValue>({ exportPrefix: 'study', canExport: true });
