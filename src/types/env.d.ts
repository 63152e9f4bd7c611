// Build-time settings that vite.config.ts defines for the page.
interface ImportMetaEnv {
  /** Where the CIFAR-10 shards are fetched from (LLP_DATA_URL at build time); '' means `${BASE_URL}data/cifar10/`. */
  readonly LLP_DATA_URL: string;
  /** @tensorflow/tfjs's installed version (the measured backend choice is cached per version). */
  readonly LLP_TFJS_VERSION: string;
}
