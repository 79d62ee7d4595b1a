// @ts-check
/**
 * electron-builder `msiProjectCreated` hook: inserts machineConfig.wxs.xml (the SERVER_URL,
 * LOCK_SERVER, UPDATES, LANGUAGE public properties and the deferred custom action that writes
 * %ProgramData%\CourtDesk\config.json) into the generated project.wxs before candle compiles it.
 * Idempotent: a project that already has the action is left alone. electron-builder loads hooks
 * with dynamic import and uses the export named after the hook.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FRAGMENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'machineConfig.wxs.xml');
const MARKER = 'CourtDeskWriteMachineConfig';

/**
 * Returns the project text with the fragment inserted before `</Product>`.
 * @param {string} wxs
 * @param {string} fragment
 * @returns {string}
 */
export function injectMachineConfig(wxs, fragment) {
  if (wxs.includes(MARKER)) return wxs;
  const at = wxs.lastIndexOf('</Product>');
  if (at < 0)
    throw new Error('msiProjectCreated: no </Product> in the WiX project; electron-builder template changed');
  return `${wxs.slice(0, at)}${fragment.trimEnd()}\n  ${wxs.slice(at)}`;
}

/**
 * The hook: rewrites the generated project file in place.
 * @param {string} projectFile path of the generated project.wxs
 */
export async function msiProjectCreated(projectFile) {
  const wxs = await fs.readFile(projectFile, 'utf8');
  const fragment = await fs.readFile(FRAGMENT, 'utf8');
  await fs.writeFile(projectFile, injectMachineConfig(wxs, fragment));
}

export default msiProjectCreated;
