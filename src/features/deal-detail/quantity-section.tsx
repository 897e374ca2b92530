import { AllocationChartCard } from '../../components/charts/allocation-chart-card';
import { formatCount, LABELS, unallocatedUnits, type Deal, type Quantity } from '../../domain';
import { DataText } from '../../components/data-text';
import { isolate } from '../../domain/text/text-safety';
import { CitedSources } from './cited-sources';
import { DeliveredLine } from './origin-panel';

/** The quantity with its sources, and each service's share with the sources of that share. */
export function QuantitySection({ deal, quantity }: { deal: Deal; quantity: Quantity }) {
  const rest = unallocatedUnits(deal);
  return (
    <section className="card" aria-labelledby="deal-quantity">
      <h2 id="deal-quantity">
        Quantity: {formatCount(quantity.total)} <DataText>{quantity.unit}</DataText>
      </h2>
      {quantity.confidence !== 'confirmed' ? <p>{LABELS.confidence[quantity.confidence]}.</p> : null}
      <DeliveredLine quantity={quantity} />
      {quantity.note ? (
        <p className="muted">
          <DataText>{quantity.note}</DataText>
        </p>
      ) : null}
      <CitedSources ids={quantity.sourceIds} sources={deal.sources} label="Sources of the total" />
      {quantity.allocations.length > 0 ? (
        <>
          <AllocationChartCard deal={deal} subtitle={isolate(deal.title)} height={240} />
          <div className="table-scroll">
            <table className="data-table allocation-sources">
              <caption>Split by armed service, with the sources of each share</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col" className="num">
                    <DataText>{quantity.unit}</DataText>
                  </th>
                  <th scope="col">Sources</th>
                </tr>
              </thead>
              <tbody>
                {quantity.allocations.map((a) => (
                  <tr key={a.service}>
                    <th scope="row">{LABELS.service[a.service]}</th>
                    <td className="num">{formatCount(a.count)}</td>
                    <td>
                      <CitedSources
                        ids={a.sourceIds ?? quantity.sourceIds}
                        sources={deal.sources}
                        label={a.sourceIds ? null : 'As for the total'}
                      />
                    </td>
                  </tr>
                ))}
                {rest > 0 ? (
                  <tr>
                    <th scope="row">Not split by the sources</th>
                    <td className="num">{formatCount(rest)}</td>
                    <td />
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted">
          {deal.origin ? (
            <>
              No service split: the imported register (<DataText>{deal.origin.publisher}</DataText>) does not
              say which armed service receives the units.
            </>
          ) : (
            'The sources do not split this quantity by armed service.'
          )}
        </p>
      )}
    </section>
  );
}
