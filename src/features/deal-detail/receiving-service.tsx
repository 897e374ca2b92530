import { dealServices, LABELS, type Deal } from '../../domain';
import { DataText } from '../../components/data-text';
import { CitedSources } from './cited-sources';

/**
 * Who receives what the deal buys, as its sources state it: the stated end user with its sources and
 * note, or else the services the quantity is split between (cited in the quantity's section).
 */
export function ReceivingService({ deal }: { deal: Deal }) {
  const { endUser } = deal;
  const services = endUser?.services ?? dealServices(deal);
  if (services.length === 0) {
    return (
      <section className="card receiving-service" aria-labelledby="receiving-service">
        <h2 id="receiving-service">Receiving service not known</h2>
        <p className="muted">
          No source on record names the armed service that receives what this deal buys.
        </p>
      </section>
    );
  }
  const names = services.map((s) => LABELS.service[s]).join(', ');
  return (
    <section className="card receiving-service" aria-labelledby="receiving-service">
      <h2 id="receiving-service">
        {services.length === 1 ? 'Receiving service' : 'Receiving services'}: {names}
      </h2>
      {endUser?.note ? (
        <p className="muted">
          <DataText>{endUser.note}</DataText>
        </p>
      ) : null}
      {endUser ? (
        <CitedSources ids={endUser.sourceIds} sources={deal.sources} />
      ) : (
        <p className="muted">As the quantity&apos;s split by service gives it, with its sources below.</p>
      )}
    </section>
  );
}
