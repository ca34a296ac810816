// The point map of the console: inspection points as dots and streets as lines, coloured by category or by latest score.
let leafletLoading;

function loadLeaflet() {
    if (window.L) {
        return Promise.resolve(window.L);
    }
    leafletLoading ??= new Promise((resolve, reject) => {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = 'lib/leaflet/leaflet.css';
        document.head.appendChild(css);
        const script = document.createElement('script');
        script.src = 'lib/leaflet/leaflet.js';
        script.onload = () => resolve(window.L);
        script.onerror = () => reject(new Error('无法加载地图组件（Leaflet）。'));
        document.head.appendChild(script);
    });
    return leafletLoading;
}

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function scoreColor(rate) {
    if (rate === null || rate === undefined) return '#9e9e9e';
    if (rate >= 0.9) return '#2e7d32';
    if (rate >= 0.6) return '#f9a825';
    return '#c62828';
}

/** Creates the map in `element`; answers an object with `show(points, colourBy)` and `dispose()`. */
export async function create(element, options) {
    const L = await loadLeaflet();
    const map = L.map(element, { zoomControl: true, attributionControl: Boolean(options.tileUrl), preferCanvas: true, zoomSnap: 0.25 });
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.tileAttribution || '' }).addTo(map);
    }
    map.setView([40.12, 116.65], 11);
    let layer = null;
    let outline = null;
    if (options.regionsGeoJson) {
        // The 镇街 (or 村居) as a faint base map: there may be no tile server.
        outline = L.geoJSON(JSON.parse(options.regionsGeoJson), {
            interactive: false,
            style: (f) => f.properties.role === 'outline'
                ? { color: '#8c1d18', weight: 2, fill: false }
                : { color: '#b0a8a8', weight: 1, fillColor: '#f3efe9', fillOpacity: 0.7 },
            onEachFeature: (f, shape) => {
                if (f.properties.role !== 'outline') {
                    shape.bindTooltip(escape(f.properties.name), { permanent: true, direction: 'center', className: 'cg-points-region-label' });
                }
            },
        }).addTo(map);
        map.fitBounds(outline.getBounds());
    }

    return {
        show(points, colourBy) {
            if (layer) {
                layer.remove();
            }
            layer = L.featureGroup();
            for (const p of points) {
                const colour = colourBy === 'score' ? scoreColor(p.scoreRate) : (options.colors[p.categoryCode] || '#1677ff');
                const popup = `<div class="cg-point-popup"><b>${escape(p.name)}</b><br/>${escape(p.categoryName)} · ${escape(p.code)}`
                    + (p.scoreRate === null || p.scoreRate === undefined ? '<br/>暂无检查记录' : `<br/>最新得分率 ${(p.scoreRate * 100).toFixed(1)}%`)
                    + `<br/><a href="/p/points/${encodeURIComponent(p.code)}" target="_blank">查看亮牌</a></div>`;
                const shape = p.line
                    ? L.polyline(p.line.map(([lon, lat]) => [lat, lon]), { color: colour, weight: 4, opacity: p.active ? 0.9 : 0.35 })
                    : L.circleMarker([p.lat, p.lon], { radius: 5, color: '#fff', weight: 1, fillColor: colour, fillOpacity: p.active ? 0.95 : 0.35 });
                shape.bindPopup(popup).bindTooltip(escape(p.name), { direction: 'top' });
                layer.addLayer(shape);
            }
            layer.addTo(map);
            map.invalidateSize();
            const bounds = layer.getBounds();
            if (bounds.isValid()) {
                map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
            } else if (outline) {
                map.fitBounds(outline.getBounds());
            }
            return points.length;
        },
        dispose() {
            map.remove();
        },
    };
}
