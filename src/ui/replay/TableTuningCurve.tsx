// Random search at real fidelity: the tuning curve (Lourie et al. 2025, arXiv 2510.02721) of the
// table's full-fidelity validation accuracies, i.e. the best accuracy that training k configurations
// of this space fully would reach, with an 80% Learned-Miller–DeStefano band and the plain readout.
import { useMemo } from 'react';
import type { TableHeader } from '../../core/groundTruth/learningCurveTable';
import { fullFidelityLabel, type TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import { TABLE_CURVE_CONFIDENCE, tableTuningCurve } from '../../core/groundTruth/tableTuningCurve';
import { TuningCurvePlot } from '../dashboard/TuningCurvePlot';

export function TableTuningCurve({ header, configs }: { header: TableHeader; configs: TableConfiguration[] }) {
  const { scores, series, readout } = useMemo(() => tableTuningCurve(header, configs), [header, configs]);
  const n = scores.length;
  return (
    <div className="replay-chart" data-testid="table-tuning-curve">
      <h3>Random search at real fidelity</h3>
      <p>
        The best validation accuracy among k configurations of this space trained fully ({fullFidelityLabel(header)}),
        from the table's {n}: the median with its {Math.round(TABLE_CURVE_CONFIDENCE * 100)}% simultaneous band and the
        average, beyond n as the band allows.
      </p>
      <TuningCurvePlot
        series={series}
        n={n}
        confidence={TABLE_CURVE_CONFIDENCE}
        label={`Tuning curve of the table's ${n} configurations at full fidelity`}
      />
      <p data-testid="table-tuning-readout">{readout.text}</p>
      <p className="muted">
        The table's configurations are the reference configuration and a scrambled Halton sample, not independent random
        draws, so these random-search curves are an approximation; a diverged run counts at chance (10%).
      </p>
    </div>
  );
}
