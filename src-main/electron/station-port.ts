import type { EventName, Role } from '../contract/commands';
import type { Result } from '../contract/result';

/**
 * What the shell needs of the station core (src-main/station/create-station.ts). Kept as an
 * interface so the Electron glue depends on the shape, not on how the core is built.
 */
export interface StationPort {
  dispatch(role: Role, command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}
