import { strToU8, zipSync } from 'fflate';

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container>
  <rootfiles>
    <rootfile full-path="score.musicxml" media-type="application/vnd.recordare.musicxml+xml"/>
  </rootfiles>
</container>
`;

/**
 * Packs MusicXML text into a compressed .mxl container: the `mimetype` entry first and stored
 * uncompressed (as the MusicXML 4.0 container spec asks), then META-INF/container.xml and the score.
 */
export function writeMxlContainer(musicXml: string): Uint8Array {
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.recordare.musicxml'), { level: 0 }],
      'META-INF/container.xml': strToU8(CONTAINER),
      'score.musicxml': strToU8(musicXml),
    },
    { level: 6 },
  );
}
