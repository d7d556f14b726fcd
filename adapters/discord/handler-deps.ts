import type { Answerer, Logger } from "../../src/index.js";

/** What every command, event and component handler needs: the core and somewhere to log. */
export interface HandlerDeps {
  readonly answerer: Answerer;
  readonly logger: Logger;
}
