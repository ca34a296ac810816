// 随手拍: enhances the plain form of /report (it also works without this file). Vanilla JS, no framework:
// camera photos downscaled before upload, a Leaflet map with a pin and the phone's position, category suggestions
// while typing, nearby open reports with "+1 / 我也遇到了", and submitting without losing anything on a refusal.
(() => {
    'use strict';

    const form = document.getElementById('report-form');
    if (!form || !window.fetch || !window.FormData) {
        return;
    }

    const $ = (id) => document.getElementById(id);
    const maxPhotos = Number(form.dataset.maxPhotos) || 3;
    const maxBytes = Number(form.dataset.maxBytes) || 10 * 1024 * 1024;
    const photos = [];
    const state = { suggestions: [], chosen: $('categoryCode').value || null, covered: null };
    const keyInput = $('idempotencyKey');
    if (window.crypto && crypto.randomUUID && !keyInput.value) {
        keyInput.value = crypto.randomUUID();
    }

    const debounce = (fn, ms) => {
        let timer;
        return (...args) => {
            clearTimeout(timer);
            timer = setTimeout(() => fn(...args), ms);
        };
    };

    async function getJson(url) {
        try {
            const response = await fetch(url, { headers: { Accept: 'application/json' } });
            if (response.status === 429) {
                showAlert('操作过于频繁，请稍后再试。');
                return null;
            }
            return response.ok ? await response.json() : null;
        } catch {
            return null;
        }
    }

    // ---- errors and the alert box -------------------------------------------------------------------------------------
    function showError(field, message) {
        const el = form.querySelector(`[data-error-for="${field}"]`) || form.querySelector('[data-error-for="form"]');
        if (!el) {
            return;
        }
        el.textContent = message || '';
        el.hidden = !message;
    }

    function clearErrors() {
        form.querySelectorAll('[data-error-for]').forEach((el) => { el.hidden = true; el.textContent = ''; });
        showAlert(null);
    }

    function showAlert(message) {
        const alert = $('form-alert');
        alert.textContent = message || '';
        alert.hidden = !message;
        if (message) {
            alert.scrollIntoView({ behavior: 'smooth', block: 'center' });
        }
    }

    // ---- photos: downscaled on the phone (a 12-megapixel photo becomes a few hundred KB) ------------------------------
    const maxSide = 1600;

    async function downscale(file) {
        if (!/^image\//.test(file.type) || file.type === 'image/gif') {
            return file;
        }
        try {
            const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
            const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
            const canvas = document.createElement('canvas');
            canvas.width = Math.round(bitmap.width * scale);
            canvas.height = Math.round(bitmap.height * scale);
            canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
            bitmap.close?.();
            const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
            return blob && blob.size < file.size ? new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' }) : file;
        } catch {
            // The phone cannot decode it here (e.g. HEIC): send it as it is; the server decides by its content.
            return file;
        }
    }

    function renderPhotos() {
        const list = $('photo-list');
        list.querySelectorAll('.pp-photo').forEach((el) => el.remove());
        photos.forEach((p, index) => {
            const item = document.createElement('div');
            item.className = 'pp-photo';
            const img = document.createElement('img');
            img.src = p.url;
            img.alt = `照片 ${index + 1}`;
            const remove = document.createElement('button');
            remove.type = 'button';
            remove.textContent = '×';
            remove.setAttribute('aria-label', `删除照片 ${index + 1}`);
            remove.addEventListener('click', () => {
                URL.revokeObjectURL(p.url);
                photos.splice(index, 1);
                renderPhotos();
            });
            item.append(img, remove);
            list.append(item);
        });
        const kept = list.querySelectorAll('.pp-photo-kept').length;
        document.querySelector('.pp-photo-btn').hidden = photos.length + kept >= maxPhotos;
    }

    $('photo').addEventListener('change', async (event) => {
        const input = event.target;
        showError('photo', null);
        for (const file of Array.from(input.files || [])) {
            if (photos.length + $('photo-list').querySelectorAll('.pp-photo-kept').length >= maxPhotos) {
                showError('photo', `最多上传 ${maxPhotos} 张照片。`);
                break;
            }
            const small = await downscale(file);
            if (small.size > maxBytes) {
                showError('photo', `照片太大了：每张不能超过 ${(maxBytes / 1048576).toFixed(0)} MB。`);
                continue;
            }
            photos.push({ file: small, url: URL.createObjectURL(small) });
        }
        input.value = '';
        renderPhotos();
    });

    // ---- the map: a pin where the problem is ---------------------------------------------------------------------------
    const lonInput = $('lon');
    const latInput = $('lat');
    const placeText = $('place-text');
    let map = null;
    let marker = null;
    let radius = null;

    function setPlace(text, tone) {
        placeText.textContent = text;
        placeText.className = 'pp-place' + (tone ? ' ' + tone : '');
    }

    async function setPoint(lat, lon, { pan = true } = {}) {
        lonInput.value = lon.toFixed(6);
        latInput.value = lat.toFixed(6);
        showError('location', null);
        if (map) {
            if (!marker) {
                marker = L.marker([lat, lon], { draggable: true, autoPan: true, title: '问题位置' }).addTo(map);
                marker.on('dragend', () => {
                    const p = marker.getLatLng();
                    setPoint(p.lat, p.lng, { pan: false });
                });
            } else {
                marker.setLatLng([lat, lon]);
            }
            // Where the platform looks for the same problem (200 m).
            radius?.remove();
            radius = L.circle([lat, lon], { radius: 200, color: '#c62828', weight: 1, dashArray: '4 4', fillOpacity: 0.04, interactive: false }).addTo(map);
            if (pan) {
                map.setView([lat, lon], Math.max(map.getZoom(), 14));
            }
        }
        setPlace('正在确认位置…');
        const place = await getJson(`/public/api/places?lon=${lon}&lat=${lat}`);
        if (lonInput.value !== lon.toFixed(6)) {
            return; // Moved again meanwhile.
        }
        state.covered = place ? place.covered : null;
        if (place && place.covered) {
            setPlace('已选位置：' + place.name, 'ok');
            showCommunities(place.townCode);
        } else if (place) {
            setPlace('这个位置不在本平台的管辖范围内，请重新选择，或在下面填写详细地址。', 'bad');
        } else {
            setPlace('已选位置。');
        }
        refreshNearby();
    }

    // Without a tile server the map would be blank this close: the communities (村居) of the pin's town give it a shape.
    let communitiesOf = null;
    let communities = null;

    async function showCommunities(townCode) {
        if (!map || !townCode || townCode === communitiesOf) {
            return;
        }
        communitiesOf = townCode;
        const data = await getJson(`/public/api/map/towns/${townCode}/communities`);
        if (!data || communitiesOf !== townCode) {
            return;
        }
        communities?.remove();
        communities = L.geoJSON(data, {
            interactive: false,
            style: { color: '#8c1d18', weight: 1, opacity: 0.45, dashArray: '3 3', fillColor: '#fff', fillOpacity: 0.35 },
            onEachFeature: (feature, shape) => {
                shape.bindTooltip(feature.properties.name, { permanent: true, direction: 'center', className: 'pp-community-label' });
            },
        }).addTo(map);
    }

    function initMap() {
        if (!window.L) {
            return;
        }
        const el = $('map');
        el.hidden = false;
        map = L.map(el, { zoomControl: true, attributionControl: Boolean(form.dataset.tiles) });
        el.ppMap = map; // For browser tests: they move the map as a finger would, then tap it.
        if (form.dataset.tiles) {
            L.tileLayer(form.dataset.tiles, { maxZoom: 19 }).addTo(map);
        }
        map.setView([40.12, 116.65], 10);
        fetch('/public/api/map/towns').then((r) => (r.ok ? r.json() : null)).then((towns) => {
            if (!towns) {
                return;
            }
            const layer = L.geoJSON(towns, {
                interactive: false,
                style: { color: '#c62828', weight: 1, opacity: 0.6, fillColor: '#c62828', fillOpacity: 0.04 },
                onEachFeature: (feature, shape) => {
                    const p = feature.properties;
                    if (p.centerLat && p.centerLon) {
                        L.tooltip({ permanent: true, direction: 'center', className: 'pp-town-label', interactive: false })
                            .setLatLng([p.centerLat, p.centerLon]).setContent(p.name).addTo(map);
                    }
                },
            }).addTo(map);
            if (!lonInput.value) {
                map.fitBounds(layer.getBounds(), { padding: [4, 4] });
            }
        }).catch(() => { });
        map.on('click', (e) => setPoint(e.latlng.lat, e.latlng.lng, { pan: false }));
        if (lonInput.value && latInput.value) {
            setPoint(Number(latInput.value), Number(lonInput.value));
        }
        setTimeout(() => map.invalidateSize(), 100);
    }

    const locateButton = $('locate-me');
    if (navigator.geolocation) {
        locateButton.hidden = false;
        locateButton.addEventListener('click', () => {
            locateButton.disabled = true;
            setPlace('正在获取您的位置…');
            navigator.geolocation.getCurrentPosition((pos) => {
                locateButton.disabled = false;
                setPoint(pos.coords.latitude, pos.coords.longitude);
            }, (err) => {
                locateButton.disabled = false;
                setPlace(err.code === 1
                    ? '未获得定位权限。请在地图上点一下标出位置，或填写详细地址。'
                    : '暂时无法定位。请在地图上点一下标出位置，或填写详细地址。', 'bad');
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
        });
    }

    // ---- category suggestions while typing -----------------------------------------------------------------------------
    const description = $('description');
    const categoryInput = $('categoryCode');

    function effectiveCategory() {
        return state.chosen || (state.suggestions[0] && state.suggestions[0].code) || '';
    }

    function renderSuggestions() {
        const box = $('suggestions');
        box.replaceChildren();
        state.suggestions.forEach((s) => {
            const chip = document.createElement('button');
            chip.type = 'button';
            chip.className = 'pp-chip';
            chip.dataset.code = s.code;
            chip.textContent = s.name;
            chip.setAttribute('aria-pressed', String(state.chosen === s.code));
            chip.addEventListener('click', () => {
                state.chosen = state.chosen === s.code ? null : s.code;
                categoryInput.value = state.chosen || '';
                renderSuggestions();
                refreshNearby();
            });
            box.append(chip);
        });
        $('suggest-box').hidden = state.suggestions.length === 0;
    }

    const suggest = debounce(async () => {
        const text = description.value.trim();
        if (text.length < 4) {
            return;
        }
        const found = await getJson('/public/api/categories/suggest?text=' + encodeURIComponent(text));
        if (!found || text !== description.value.trim()) {
            return;
        }
        const before = effectiveCategory();
        state.suggestions = found;
        if (state.chosen && !found.some((s) => s.code === state.chosen)) {
            state.suggestions = [...found, { code: state.chosen, name: '已选类型' }].slice(0, 4);
        }
        renderSuggestions();
        if (effectiveCategory() !== before) {
            refreshNearby();
        }
    }, 400);
    description.addEventListener('input', () => {
        showError('description', null);
        suggest();
    });

    // ---- nearby open reports: "是否是同一个问题？" ------------------------------------------------------------------------
    let nearbyAsked = '';

    const refreshNearby = debounce(async () => {
        const lon = lonInput.value;
        const lat = latInput.value;
        const category = effectiveCategory();
        const section = $('nearby');
        if (!lon || !lat || !category) {
            section.hidden = true;
            showNearbyOnMap([]);
            return;
        }
        const ask = `lon=${lon}&lat=${lat}&categoryCode=${encodeURIComponent(category)}&text=${encodeURIComponent(description.value.trim().slice(0, 200))}`;
        if (ask === nearbyAsked) {
            return;
        }
        nearbyAsked = ask;
        const found = await getJson('/public/api/nearby?' + ask);
        if (ask !== nearbyAsked) {
            return;
        }
        const list = $('nearby-list');
        list.replaceChildren();
        (found || []).forEach((n) => list.append(nearbyItem(n)));
        section.hidden = !found || found.length === 0;
        showNearbyOnMap(found || []);
    }, 300);

    let nearbyLayer = null;

    function showNearbyOnMap(found) {
        if (!map) {
            return;
        }
        nearbyLayer?.remove();
        nearbyLayer = L.layerGroup(found.map((n) => L.circleMarker([n.lat, n.lon], {
            radius: 8, color: '#fff', weight: 2, fillColor: '#c62828', fillOpacity: 0.9,
        }).bindTooltip('已有反映：' + n.description.slice(0, 12), { direction: 'top', offset: [0, -8] }))).addTo(map);
    }

    function ago(iso) {
        const minutes = Math.max(1, Math.round((Date.now() - new Date(iso).getTime()) / 60000));
        if (minutes < 60) {
            return `${minutes} 分钟前`;
        }
        const hours = Math.round(minutes / 60);
        return hours < 24 ? `${hours} 小时前` : `${Math.round(hours / 24)} 天前`;
    }

    function nearbyItem(n) {
        const li = document.createElement('li');
        li.className = 'pp-nearby-item';
        li.dataset.number = n.number;
        const text = document.createElement('p');
        text.textContent = n.description;
        const meta = document.createElement('div');
        meta.className = 'pp-nearby-meta';
        meta.textContent = [n.categoryName, `约 ${Math.round(n.distanceMetres)} 米`, ago(n.reportedAt), n.statusText,
            n.supporters > 0 ? `${n.supporters} 人也遇到了` : null].filter(Boolean).join(' · ');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'pp-btn';
        button.dataset.testid = 'support';
        button.textContent = '+1 我也遇到了';
        button.addEventListener('click', () => support(n.number, button));
        li.append(text, meta, button);
        return li;
    }

    async function support(number, button) {
        const phone = $('phone').value.trim();
        button.disabled = true;
        button.textContent = '正在提交…';
        try {
            const response = await fetch(`/public/api/cases/${encodeURIComponent(number)}/support`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ phone: phone || null, idempotencyKey: keyInput.value + '-' + number }),
            });
            const body = await response.json().catch(() => null);
            if (response.ok && body) {
                location.assign(body.trackingUrl + '?just=supported');
                return;
            }
            showAlert((body && (body.errors?.[0]?.message || body.detail)) || '提交失败，请稍后重试。');
        } catch {
            showAlert('网络异常，请检查网络后重试。');
        }
        button.disabled = false;
        button.textContent = '+1 我也遇到了';
    }

    // ---- submitting ------------------------------------------------------------------------------------------------------
    const submitButton = $('submit');

    function check() {
        let ok = true;
        if (!description.value.trim()) {
            showError('description', '请描述一下遇到的问题。');
            ok = false;
        }
        if (!lonInput.value && !$('address').value.trim() && !form.querySelector('input[name=pointName]')) {
            showError('location', '请在地图上标出问题的位置，或填写详细地址。');
            ok = false;
        } else if (lonInput.value && state.covered === false && !$('address').value.trim()) {
            showError('location', '这个位置不在本平台的管辖范围内，请重新选择，或填写详细地址。');
            ok = false;
        }
        const phone = $('phone').value.trim();
        if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/.test(phone)) {
            showError('phone', '手机号格式不正确，请填写 11 位手机号（也可以不填）。');
            ok = false;
        }
        return ok;
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (submitButton.disabled) {
            return;
        }
        clearErrors();
        if (!check()) {
            showAlert('请按提示修改后再提交。');
            return;
        }
        categoryInput.value = state.chosen || '';
        const data = new FormData(form);
        data.delete('photo');
        photos.forEach((p) => data.append('photo', p.file, p.file.name || 'photo.jpg'));
        submitButton.disabled = true;
        submitButton.textContent = '正在提交…';
        try {
            const response = await fetch('/public/api/reports', { method: 'POST', body: data, headers: { Accept: 'application/json' } });
            const body = await response.json().catch(() => null);
            if (response.ok && body) {
                location.assign(body.trackingUrl + '?just=new');
                return;
            }
            (body?.errors || []).forEach((e) => showError(e.where, e.message));
            showAlert(body?.detail || (response.status === 429 ? '提交过于频繁，请稍后再试。' : '提交失败，请按提示修改后重试。'));
        } catch {
            // The same idempotency key goes with the retry, so a report that did arrive is not made twice.
            showAlert('网络异常，请检查网络后再点“提交”。');
        }
        submitButton.disabled = false;
        submitButton.textContent = '提交';
    });

    if (document.readyState === 'complete') {
        initMap();
    } else {
        window.addEventListener('load', initMap);
    }
    if (description.value.trim()) {
        suggest();
    }
})();
