// "Print report": the lab view shows every chart and the ranking, and the print stylesheet
// (styles.css, @media print) drops the controls; so switch to it before the print dialog opens.
import { flushSync } from 'react-dom';
import { setView } from '../../store/studyEdits';

export function printReport(): void {
  flushSync(() => setView('lab'));
  window.print();
}
