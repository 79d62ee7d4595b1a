import type { IpcErrorCode } from '../../common/ipcContract';

/**
 * An expected failure of a main-process service, carrying the stable IPC error code the renderer
 * translates (e.g. LOCKED when IT locked the server). The IPC layer turns it into an envelope.
 */
export class MainServiceError extends Error {
  /** Stable code for the renderer. */
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'MainServiceError';
    this.code = code;
  }
}
