import { exposeStationApi } from './expose';

// Preload of the customer display: window.countersign with the customer's commands only.
exposeStationApi('customer');
