// The region map of the console: Leaflet drawing GeoJSON polygons, no tile server unless configured.
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

const palette = ['#e57373', '#64b5f6', '#81c784', '#ffb74d', '#ba68c8', '#4db6ac', '#f06292', '#aed581', '#7986cb', '#ffd54f'];

const childStyle = (index) => ({
    color: '#8c1d18', weight: 1.2, opacity: 0.9,
    fillColor: palette[index % palette.length], fillOpacity: 0.35,
});

const outlineStyle = { color: '#c62828', weight: 3, dashArray: '6 4', fill: false, interactive: false };

/**
 * Creates the map in `element`; clicks on a polygon call `OnRegionClicked(code)` on `dotnet`.
 * Answers an object with `show(geojsonText, shades)` and `dispose()`; `shades` (optional) maps a region code to
 * `{ color, label }`: the fill colour (the dashboard colours by case density or score) and a second tooltip line.
 */
export async function create(element, dotnet, options) {
    const L = await loadLeaflet();
    const map = L.map(element, {
        zoomControl: true,
        attributionControl: Boolean(options.tileUrl),
        zoomSnap: 0.25,
    });
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.tileAttribution || '' }).addTo(map);
    }
    map.setView([40.12, 116.65], 10);
    let layer = null;

    return {
        show(geojsonText, shades) {
            if (layer) {
                layer.remove();
                layer = null;
            }
            const data = JSON.parse(geojsonText);
            let index = 0;
            layer = L.geoJSON(data, {
                style: (feature) => {
                    if (feature.properties.role === 'outline') {
                        return outlineStyle;
                    }
                    const shade = shades && shades[feature.properties.code];
                    const style = childStyle(index++);
                    return shade ? { ...style, fillColor: shade.color, fillOpacity: 0.75 } : style;
                },
                onEachFeature: (feature, shape) => {
                    const p = feature.properties;
                    if (p.role === 'outline') {
                        return;
                    }
                    const shade = shades && shades[p.code];
                    const label = shade && shade.label ? `${p.name}<br><span class="cg-map-value">${shade.label}</span>` : p.name;
                    shape.bindTooltip(label, { permanent: true, direction: 'center', className: 'cg-map-label' });
                    shape.on('mouseover', () => {
                        shape.setStyle({ weight: 3, color: '#1677ff', fillOpacity: 0.6 });
                        shape.bringToFront();
                    });
                    shape.on('mouseout', () => layer && layer.resetStyle(shape));
                    shape.on('click', () => dotnet.invokeMethodAsync('OnRegionClicked', p.code));
                },
            }).addTo(map);
            // The region code on each polygon's element, for scripts and tests that pick a region.
            layer.eachLayer((shape) => shape.getElement && shape.getElement()?.setAttribute('data-code', shape.feature.properties.code));
            map.invalidateSize();
            const bounds = layer.getBounds();
            if (bounds.isValid()) {
                map.fitBounds(bounds, { padding: [16, 16] });
            }
            return data.features ? data.features.length : 0;
        },
        dispose() {
            map.remove();
        },
    };
}
