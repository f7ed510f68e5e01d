// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API's error code when the failure came from the API (e.g. NOT_FOUND, FORBIDDEN). */
      code?: string;
    }
  }
}

export {};
