import { readFileSync, writeFileSync } from 'node:fs';

/*
 * Resident memory of a process from /proc (Linux). VmRSS is now, VmHWM the peak since the
 * process started or since the peak was last reset through clear_refs.
 */

export interface ProcMemory {
  rssBytes: number;
  hwmBytes: number;
}

/** Undefined when the process is gone or /proc is not there (not Linux). */
export function readProcMemory(pid: number | 'self'): ProcMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  const rssBytes = kib('VmRSS');
  const hwmBytes = kib('VmHWM');
  return Number.isFinite(rssBytes) && Number.isFinite(hwmBytes) ? { rssBytes, hwmBytes } : undefined;
}

/**
 * Reset this process's peak RSS to its current RSS (`echo 5 > clear_refs`, Linux 4.0+), so
 * a later VmHWM is the peak of what ran after this call. False when the kernel refuses.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export const mib = (bytes: number) => bytes / (1024 * 1024);
