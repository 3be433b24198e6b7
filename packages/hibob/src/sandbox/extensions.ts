import type { HiBobSandboxExtension } from './extension.js';
import { payExtension } from './pay/extension.js';

/**
 * Extensions every HiBob sandbox loads. To add one, import it and append it here, e.g.
 * `import { payExtension } from './pay/index.js';` then `[payExtension]`.
 */
export const BUILT_IN_EXTENSIONS: readonly HiBobSandboxExtension[] = [payExtension()];
