// The side panel: the simulated Percify account, refreshed every second, and its fault switches.
import { api } from './api.js';
import { escapeHtml } from './markdown.js';

export function startPanel(toast) {
  const switches = [...document.querySelectorAll('[data-fault]')];
  let busy = false;

  async function refresh() {
    if (busy) return;
    try {
      const state = await api.percify();
      document.getElementById('credits').textContent = state.ready
        ? state.credits.toLocaleString('en')
        : 'starting…';
      document.getElementById('in-flight').textContent = String(state.inFlight);
      document.getElementById('plan').textContent = `${state.plan} · ${state.speed}×`;
      for (const box of switches) box.checked = Boolean(state.faults[box.dataset.fault]);
      document.getElementById('jobs').replaceChildren(
        ...state.jobs.map((job) => {
          const li = document.createElement('li');
          li.title = `${job.id}: ${job.label}`;
          li.innerHTML = `<span class="status ${escapeHtml(job.status)}">${escapeHtml(job.status)}</span>${escapeHtml(job.kind)} · ${escapeHtml(job.label)}`;
          return li;
        }),
      );
    } catch {
      document.getElementById('credits').textContent = 'unreachable';
    }
  }

  for (const box of switches) {
    box.addEventListener('change', async () => {
      busy = true;
      try {
        await api.setPercify({ [box.dataset.fault]: box.checked });
      } catch (error) {
        toast(`Could not switch the fault: ${error.message}`);
      } finally {
        busy = false;
        void refresh();
      }
    });
  }
  void refresh();
  setInterval(refresh, 1000);
}
