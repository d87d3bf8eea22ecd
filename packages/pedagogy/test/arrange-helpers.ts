import { parseKey, parseTimeSignature } from '@cadenza/core';
import {
  APPLICATIONS,
  applicationProfile,
  DEFAULT_BARS,
  type ArrangeRequest,
  type Genre,
} from '../src/index.js';

/** A resolved request for tests: the genre's defaults, overridden field by field. */
export function testRequest(
  genre: Genre,
  overrides: Partial<Omit<ArrangeRequest, 'application'>> & { readonly application?: string } = {},
): ArrangeRequest {
  const { application: appId, ...rest } = overrides;
  const application = appId ? applicationProfile(genre, appId) : APPLICATIONS[genre][0];
  if (!application) throw new Error(`no application ${appId ?? ''} in ${genre}`);
  return {
    genre,
    application,
    key: parseKey(genre === 'blues' ? 'E' : genre === 'jazz' ? 'Bb' : 'C'),
    tempo: application.defaultTempo,
    meter: parseTimeSignature('4/4'),
    bars: DEFAULT_BARS[genre],
    styles: [],
    moods: [],
    aiPercentage: 0,
    ...rest,
  };
}
