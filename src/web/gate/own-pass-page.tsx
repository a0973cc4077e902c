import { useEffect, useState } from 'react';
import { T } from './bilingual';
import { gateApi } from './gate-api';

type OwnPass = Awaited<ReturnType<typeof gateApi.ownPass>>;

/** `/gate/p/<link>`: the resident's own pass on their phone, the same QR as on paper. */
export function OwnPassPage({ linkToken }: { linkToken: string }) {
  const [pass, setPass] = useState<OwnPass | null>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gateApi
      .ownPass(linkToken)
      .then(async (p) => {
        setPass(p);
        // The QR library is loaded only here: the guard's screens never need it.
        const QRCode = (await import('qrcode')).default;
        setSvg(await QRCode.toString(p.token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [linkToken]);
  if (error)
    return (
      <main className="g-page">
        <p className="g-warn">{error}</p>
      </main>
    );
  if (!pass) return <main className="g-page" />;
  const usable = pass.status === 'active';
  return (
    <main className="g-page g-own" data-testid="g-own-pass">
      <h1>
        <T k="ownPass" />
      </h1>
      <p>
        {pass.compoundName} · {pass.buildingName} {pass.room}
      </p>
      <p className="g-big">No. {pass.number}</p>
      {usable && svg ? (
        // Generated locally from the signed token: no markup from elsewhere.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG made by the qrcode library from our token
        <div className="g-qr" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <p className="g-warn">
          <T k="passGone" />
        </p>
      )}
      <p>
        {pass.holderName} · <T k="validUntil" /> {pass.validUntil}
      </p>
      <p className="g-muted">
        <T k="showAtGate" />
      </p>
    </main>
  );
}
