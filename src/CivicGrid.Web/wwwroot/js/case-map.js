// The small map of a case's detail page: one point (and nothing else) with Leaflet, no tile server unless configured.
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

/** Shows the case at (lat, lon) in `element`; answers an object with `dispose()`. */
export async function show(element, lat, lon, label, tileUrl) {
    const L = await loadLeaflet();
    const map = L.map(element, { zoomControl: true, attributionControl: Boolean(tileUrl) });
    if (tileUrl) {
        L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    }
    map.setView([lat, lon], 16);
    L.circle([lat, lon], { radius: 200, color: '#1677ff', weight: 1, dashArray: '4 4', fillOpacity: 0.05, interactive: false }).addTo(map);
    L.circleMarker([lat, lon], { radius: 9, color: '#fff', weight: 2, fillColor: '#c62828', fillOpacity: 1 })
        .bindTooltip(label, { permanent: true, direction: 'top', offset: [0, -10], className: 'cg-case-map-label' })
        .addTo(map);
    // The card may still be laying out; measure again so the point and its label sit where they belong.
    setTimeout(() => { map.invalidateSize(); map.setView([lat, lon], 16); }, 50);
    return { dispose: () => map.remove() };
}
