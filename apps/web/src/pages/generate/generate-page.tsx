import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { generateArrangement, type GenerateCall, type GenerationResponse } from '../../api/generate.js';
import { ApiError } from '../../api/http.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { usePageTitle } from '../../layout/use-page-title.js';
import {
  buildRequest,
  EMPTY_FORM,
  FIELD_LABELS,
  issuesByField,
  type FieldErrors,
  type FormField,
  type GenerateForm,
} from './form-model.js';
import { GenerateFormView } from './generate-form.js';
import { GENRE_INFO } from './genres.js';
import { GenerationResult } from './generation-result.js';

interface Generated {
  readonly call: GenerateCall;
  readonly result: GenerationResponse;
}

/** The score's title: the one asked for, else "Jazz in Bb". */
function titleOf({ call, result }: Generated): string {
  return call.body.title ?? `${GENRE_INFO[call.genre].label} in ${result.metadata.key}`;
}

/**
 * Generate: a genre, a description (or the musician's own chord chart) and options in; a playable,
 * engraved arrangement with its chord chart explained out, ready to download or regenerate.
 */
export function GeneratePage() {
  usePageTitle('Generate');
  const [form, setForm] = useState<GenerateForm>(EMPTY_FORM);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [generated, setGenerated] = useState<Generated | undefined>();
  const resultRef = useRef<HTMLDivElement>(null);
  const generate = useMutation({
    mutationFn: async (call: GenerateCall) => ({ call, result: await generateArrangement(call) }),
    onSuccess: (done) => {
      setGenerated(done);
      // The result is below the form: bring it into view and give it focus, as a new page would.
      requestAnimationFrame(() => {
        resultRef.current?.scrollIntoView({ block: 'start' });
        resultRef.current?.focus({ preventScroll: true });
      });
    },
  });

  const refused = generate.error instanceof ApiError ? issuesByField(generate.error.issues) : undefined;
  const errors: FieldErrors = { ...refused?.fields, ...localErrors };
  const fieldErrorCount = Object.keys(errors).length;

  const submit = () => {
    const built = buildRequest(form);
    if ('errors' in built) {
      setLocalErrors(built.errors);
      generate.reset();
      return;
    }
    setLocalErrors({});
    generate.mutate(built.call);
  };
  const regenerate = () => {
    if (!generated) return;
    const { seed: _seed, ...body } = generated.call.body;
    setForm((current) => ({ ...current, seed: '' }));
    generate.mutate({ ...generated.call, body });
  };

  return (
    <>
      <h1>Generate</h1>
      <p className="lead">
        Describe the piece (key, tempo, length, mood and style are read from your words) or bring your own
        chord chart, and get a piano arrangement with every chord explained, to play, read and download.
      </p>
      <GenerateFormView
        form={form}
        onChange={(changes) => setForm((current) => ({ ...current, ...changes }))}
        errors={errors}
        busy={generate.isPending}
        onSubmit={submit}
      />
      {generate.isError && fieldErrorCount === 0 && (
        <ErrorPanel title="Could not generate." error={generate.error} />
      )}
      {fieldErrorCount > 0 && (
        <p className="panel panel--error" role="alert">
          <strong>Please check {fieldErrorCount === 1 ? 'this field' : 'these fields'}:</strong>{' '}
          {(Object.keys(errors) as FormField[]).map((field) => FIELD_LABELS[field]).join(', ')}.
          {refused && refused.other.length > 0 && ` ${refused.other.join(' ')}`}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {generate.isPending ? 'Generating…' : generated ? `Generated ${titleOf(generated)}.` : ''}
      </p>
      <div ref={resultRef} tabIndex={-1} className="generate-result-anchor">
        {generated && (
          <GenerationResult
            key={generated.result.id}
            result={generated.result}
            title={titleOf(generated)}
            onRegenerate={regenerate}
            regenerating={generate.isPending}
          />
        )}
      </div>
    </>
  );
}
