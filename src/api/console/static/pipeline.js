// Telex console: the pipeline page's charts (uPlot), refreshed while the page is open.
// The server renders the same figures as tables; this script draws them and keeps
// both current by polling the console's stats.json. Data is only ever written with
// textContent and setAttribute, never as markup.
(() => {
  'use strict';

  const root = document.getElementById('pipeline');
  const status = document.getElementById('pipeline-status');
  const statsUrl = root && root.getAttribute('data-stats');
  if (!root || !statsUrl || typeof window.uPlot !== 'function') {
    return;
  }
  const POLL_MS = 10000;
  const DEPTH_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'];
  const COLORS = ['#0b57d0', '#b3261e', '#146c2e', '#a0522d', '#7b1fa2', '#00838f', '#c2185b', '#5d4037', '#455a64', '#f57c00'];
  const HEIGHT = 220;
  /** Whole-number steps for the axes of counts. */
  const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
  const charts = new Map();
  /** Queue depth samples taken while the page is open: times (s) and depth per queue. */
  const depthHistory = { times: [], byQueue: new Map() };

  const sum = (xs) => xs.reduce((a, b) => a + (b || 0), 0);

  const formatDuration = (ms) => {
    if (ms === null || ms === undefined) {
      return '—';
    }
    const abs = Math.abs(ms);
    const [v, unit] =
      abs < 1000 ? [ms, 'ms'] : abs < 60000 ? [ms / 1000, 's'] : abs < 3600000 ? [ms / 60000, 'min'] : abs < 86400000 ? [ms / 3600000, 'h'] : [ms / 86400000, 'd'];
    return `${Number(v.toFixed(Math.abs(v) < 10 && unit !== 'ms' ? 1 : 0))} ${unit}`;
  };

  /** Draws (or redraws) the chart of figure `id`: x in seconds, one line per series. */
  const draw = (id, xs, series, opts) => {
    const fig = document.getElementById(id);
    const plot = fig && fig.querySelector('.chart-plot');
    if (!plot) {
      return;
    }
    const old = charts.get(id);
    if (old) {
      old.destroy();
    }
    const width = Math.max(280, plot.clientWidth || 600);
    const chart = new window.uPlot(
      {
        width,
        height: HEIGHT,
        legend: { live: false },
        cursor: { drag: { x: false, y: false } },
        // Times in UTC, as everywhere in the console.
        tzDate: (ts) => window.uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
        axes: [
          {},
          opts && opts.format
            ? { values: (u, splits) => splits.map(opts.format), size: 60 }
            : { incrs: COUNT_STEPS, values: (u, splits) => splits.map((v) => String(v)), size: 60 },
        ],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: COLORS[i % COLORS.length],
            width: i === 0 && opts && opts.emphasiseFirst ? 2.5 : 1.5,
            spanGaps: false,
            // Sparse series (latency: buckets without a new story) need their points to be seen.
            points: { show: xs.length < 3 || (opts && opts.sparse) === true },
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      plot,
    );
    charts.set(id, chart);
    fig.setAttribute('data-series', series.map((s) => s.label).join('|'));
  };

  /** Sets the figure table's cell for `key` (the row) to `text`, adding the row when missing. */
  const setCell = (id, key, texts) => {
    const body = document.querySelector(`#${id} table.chart-table tbody`);
    if (!body) {
      return;
    }
    let row = [...body.querySelectorAll('tr[data-key]')].find((r) => r.getAttribute('data-key') === key);
    if (!row) {
      for (const empty of body.querySelectorAll('tr:not([data-key])')) {
        empty.remove();
      }
      row = document.createElement('tr');
      row.setAttribute('data-key', key);
      const th = document.createElement('th');
      th.setAttribute('scope', 'row');
      th.textContent = key;
      row.append(th);
      for (let i = 0; i < texts.length; i++) {
        const td = document.createElement('td');
        td.setAttribute('class', 'num');
        row.append(td);
      }
      body.append(row);
    }
    const cells = row.querySelectorAll('td');
    texts.forEach((t, i) => {
      if (cells[i]) {
        cells[i].textContent = String(t);
      }
    });
  };

  const render = (stats) => {
    const xs = stats.buckets.map((ms) => ms / 1000);

    const feeds = Object.keys(stats.stored.byFeed).sort();
    draw(
      'chart-stored',
      xs,
      [
        { label: `All feeds (${stats.stored.sum})`, values: stats.stored.total },
        ...feeds.map((f) => ({ label: `${f} (${sum(stats.stored.byFeed[f])})`, values: stats.stored.byFeed[f] })),
      ],
      { emphasiseFirst: true },
    );
    document.getElementById('chart-stored').setAttribute('data-sum', String(stats.stored.sum));
    setCell('chart-stored', 'total', [stats.stored.sum]);
    for (const f of feeds) {
      setCell('chart-stored', f, [sum(stats.stored.byFeed[f])]);
    }

    if (stats.queues) {
      depthHistory.times.push(Date.now() / 1000);
      for (const q of stats.queues) {
        const depth = sum(DEPTH_STATES.map((s) => q.counts[s] || 0));
        if (!depthHistory.byQueue.has(q.queue)) {
          depthHistory.byQueue.set(q.queue, depthHistory.times.slice(1).map(() => null));
        }
        depthHistory.byQueue.get(q.queue).push(depth);
        setCell('chart-queues', q.queue, [depth, q.counts.failed || 0]);
      }
      const queues = [...depthHistory.byQueue.keys()].sort();
      draw(
        'chart-queues',
        depthHistory.times,
        queues.map((q) => {
          const values = depthHistory.byQueue.get(q);
          return { label: `${q} (${values[values.length - 1] ?? 0})`, values };
        }),
      );
    }

    const lat = stats.latency;
    draw(
      'chart-latency',
      xs,
      [
        { label: `p50 (${formatDuration(lat.overall.p50)})`, values: lat.p50 },
        { label: `p95 (${formatDuration(lat.overall.p95)})`, values: lat.p95 },
      ],
      { format: formatDuration, sparse: true },
    );
    setCell('chart-latency', 'p50', [formatDuration(lat.overall.p50)]);
    setCell('chart-latency', 'p95', [formatDuration(lat.overall.p95)]);

    const stages = Object.keys(stats.failures.byStage);
    draw(
      'chart-failures',
      xs,
      stages.map((s) => ({ label: `${s} (${sum(stats.failures.byStage[s])})`, values: stats.failures.byStage[s] })),
    );
    for (const s of stages) {
      setCell('chart-failures', s, [sum(stats.failures.byStage[s])]);
    }
  };

  let timer = null;
  const poll = async () => {
    try {
      const res = await fetch(statsUrl, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) {
        throw new Error(`stats answered ${res.status}`);
      }
      render(await res.json());
      root.setAttribute('data-live', 'open');
      if (status) {
        status.textContent = `Live: updated ${new Date().toISOString().slice(11, 19)} UTC, every ${POLL_MS / 1000} s.`;
      }
    } catch (err) {
      root.setAttribute('data-live', 'error');
      if (status) {
        status.textContent = `Could not refresh the figures (${err && err.message ? err.message : 'error'}); trying again.`;
      }
    }
    timer = setTimeout(poll, document.hidden ? POLL_MS * 3 : POLL_MS);
  };

  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const [id, chart] of charts) {
        const plot = document.querySelector(`#${id} .chart-plot`);
        if (plot) {
          chart.setSize({ width: Math.max(280, plot.clientWidth || 600), height: HEIGHT });
        }
      }
    }, 150);
  });
  window.addEventListener('pagehide', () => clearTimeout(timer));
  void poll();
})();
