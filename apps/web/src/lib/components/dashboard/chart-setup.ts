// The part of Chart.js the statistics page draws with, registered once. Only ever reached through
// a dynamic import (see ChartCanvas.svelte), so it becomes a chunk of its own that no other page
// downloads, and only these controllers, elements and scales end up in it.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

// The page's font, so Chinese labels on the canvas match the text around them.
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#3d4756';

export { Chart };
