// mbox-reader ships without types: what capture uses of it.
declare module 'mbox-reader' {
  import type { Readable } from 'node:stream';

  export interface MboxMessage {
    /** The RFC 822 message, From-munging undone. */
    content: Buffer;
    returnPath: string | null;
    time: Date | false;
  }

  export function mboxReader(input: Readable, options?: { gz?: boolean }): AsyncGenerator<MboxMessage>;
}
