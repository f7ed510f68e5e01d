export * from './camera-failure.ts';
export * from './ingest.port.ts';
export * from './recording-windows.ts';
