export { trackPitch, type PitchTrack, type PitchTrackOptions } from './track-pitch.js';
