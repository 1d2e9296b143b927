/**
 * The parts of gradcheck the CLI drives — running properties (src/property) and rendering reports
 * (src/report) — taken from the public API, as any other front end would.
 */
export {
  buildReport,
  type GradSpec,
  isGradSpec,
  mergeReports,
  parseReport,
  type Report,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
  replayCommand,
  runProperty,
} from '../index.js';
