export { detectOnsets, type DetectedOnsets } from './detect-onsets.js';
export { logFilterbank, type LogFilterbank, type LogFilterbankSpec } from './log-filterbank.js';
export { logSpectrogram, type LogSpectrogram, type LogSpectrogramSpec } from './log-spectrogram.js';
export {
  ONSET_STRENGTH_DEFAULTS,
  PEAK_PICK_DEFAULTS,
  type OnsetOptions,
  type OnsetStrengthOptions,
  type PeakPickOptions,
} from './options.js';
export { onsetsFromEnvelope, type PickedOnsets } from './peak-picking.js';
export { onsetStrength, superFluxLag, type OnsetEnvelope } from './superflux.js';
