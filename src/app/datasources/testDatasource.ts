// The datasource "Test" button's work: connect as the datasource would and say what was found.
import { flavourOf, flavourParams, type Flavour } from '../../prometheus/flavour';
import { detectServer, type FeatureCheck } from '../../prometheus/flavourDetect';
import { headerRecord, type Datasource } from '../../state/datasources';

export type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | {
      status: 'ok';
      text: string;
      flavour: Flavour;
      evidence: string;
      features: FeatureCheck[];
    }
  | { status: 'error'; text: string };

const FAILURE_LABEL: Record<string, string> = {
  unreachable: 'Unreachable',
  cors: 'Blocked by CORS',
  'header-cors': 'Header refused by CORS',
  http: 'HTTP error',
  prometheus: 'Prometheus error',
  'not-prometheus': 'Not a Prometheus API',
  timeout: 'Timed out',
};

/**
 * Connects as the datasource would: which server it is (flavour, version when it says), what of
 * the API works, or the exact reason it failed (naming a custom header the server's CORS policy
 * refuses).
 */
export async function testDatasource(
  d: Pick<
    Datasource,
    'url' | 'headers' | 'orgId' | 'authorization' | 'flavour' | 'partialResponse' | 'dedup'
  >,
): Promise<TestState> {
  const r = await detectServer({
    url: d.url,
    headers: headerRecord(d),
    timeoutMs: 10_000,
    params: flavourParams(flavourOf(d), d),
  });
  if (!r.ok) return { status: 'error', text: `${FAILURE_LABEL[r.kind] ?? 'Failed'}: ${r.message}` };
  return {
    status: 'ok',
    text: r.summary,
    flavour: r.flavour,
    evidence: r.evidence,
    features: r.features,
  };
}
