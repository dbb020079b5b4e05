import { exposeStationApi } from './expose';

// Preload of the cashier window: window.countersign with the cashier's commands only.
exposeStationApi('cashier');
