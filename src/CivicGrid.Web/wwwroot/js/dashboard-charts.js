// The charts of the 数据大屏 with ECharts (served from wwwroot/lib, no CDN): trend, categories, top problems, two gauges.
let echartsLoading;

function loadECharts() {
    if (window.echarts) {
        return Promise.resolve(window.echarts);
    }
    echartsLoading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'lib/echarts/echarts.min.js';
        script.onload = () => resolve(window.echarts);
        script.onerror = () => reject(new Error('无法加载图表组件（ECharts）。'));
        document.head.appendChild(script);
    });
    return echartsLoading;
}

const font = { fontFamily: '"Noto Sans SC", sans-serif' };

function gauge(title, value, color) {
    return {
        textStyle: font,
        series: [{
            type: 'gauge', min: 0, max: 100, radius: '95%',
            progress: { show: true, width: 14, itemStyle: { color } },
            axisLine: { lineStyle: { width: 14 } },
            axisTick: { show: false }, splitLine: { length: 8 }, axisLabel: { distance: 18, fontSize: 10 },
            pointer: { width: 4 },
            title: { offsetCenter: [0, '72%'], fontSize: 14 },
            detail: { valueAnimation: true, fontSize: 22, offsetCenter: [0, '40%'], formatter: (v) => value === null ? '—' : `${v}%` },
            data: [{ value: value === null ? 0 : Math.round(value * 1000) / 10, name: title }],
        }],
    };
}

function options(data) {
    return {
        trend: {
            textStyle: font,
            tooltip: { trigger: 'axis' },
            legend: { data: ['立案', '结案'], top: 0 },
            grid: { left: 40, right: 16, top: 32, bottom: 28 },
            xAxis: { type: 'category', data: data.trend.map((d) => d.date.slice(5)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
                { name: '立案', type: 'line', smooth: true, data: data.trend.map((d) => d.registered), itemStyle: { color: '#1677ff' } },
                { name: '结案', type: 'line', smooth: true, data: data.trend.map((d) => d.closed), itemStyle: { color: '#52c41a' } },
            ],
        },
        categories: {
            textStyle: font,
            tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
            series: [{
                type: 'pie', radius: ['35%', '68%'], center: ['50%', '54%'],
                label: { formatter: '{b}\n{c}件' },
                data: data.categories.map((c) => ({ name: c.name, value: c.cases })),
            }],
        },
        problems: {
            textStyle: font,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { data: ['近7天', '前7天'], top: 0 },
            grid: { left: 96, right: 24, top: 28, bottom: 20 },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: data.topProblems.map((c) => c.name) },
            series: [
                { name: '近7天', type: 'bar', data: data.topProblems.map((c) => c.cases), itemStyle: { color: '#c62828' } },
                { name: '前7天', type: 'bar', data: data.topProblems.map((c) => c.previousCases), itemStyle: { color: '#ffab91' } },
            ],
        },
        onTime: gauge('按期结案率', data.onTimeRate, '#1677ff'),
        satisfaction: gauge('满意率', data.satisfactionRate, '#52c41a'),
    };
}

/**
 * Creates the charts in `elements` (an object of chart name → element); answers `{ update(data), dispose() }`,
 * where `data` is the dashboard view (trend, categories, topProblems, onTimeRate, satisfactionRate).
 */
export async function create(elements, data) {
    const echarts = await loadECharts();
    const charts = {};
    for (const [name, element] of Object.entries(elements)) {
        charts[name] = echarts.init(element, null, { renderer: 'canvas' });
    }
    const resize = () => Object.values(charts).forEach((c) => c.resize());
    window.addEventListener('resize', resize);
    const update = (next) => {
        const all = options(next);
        for (const [name, chart] of Object.entries(charts)) {
            chart.setOption(all[name], { notMerge: true });
        }
    };
    update(data);
    return {
        update,
        dispose() {
            window.removeEventListener('resize', resize);
            Object.values(charts).forEach((c) => c.dispose());
        },
    };
}
