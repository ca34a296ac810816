// 现场督查 (phone page): today's tasks → a task's checklist → submit. Talks to /api/v1 with the console's login cookie.
(function () {
    'use strict';
    const app = document.getElementById('app');
    const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

    async function api(url, options) {
        const response = await fetch(url, Object.assign({ credentials: 'same-origin', headers: { 'Accept': 'application/json' } }, options || {}));
        if (response.status === 401) {
            location.href = '/login?ReturnUrl=' + encodeURIComponent(location.pathname + location.search);
            throw new Error('未登录');
        }
        const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
        if (!response.ok) {
            const details = (body?.errors || []).map(e => e.message).join('\n');
            throw new Error((body?.detail || body?.title || ('请求失败 ' + response.status)) + (details ? '\n' + details : ''));
        }
        return body;
    }

    function today() {
        return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    }

    async function showTasks() {
        const tasks = await api('/api/v1/inspection-tasks?mine=true&date=' + today());
        if (tasks.length === 0) {
            app.innerHTML = '<div class="card muted">今天没有分配给您的督查任务。</div>';
            return;
        }
        app.innerHTML = '<p class="muted">今日任务（' + today() + '）</p>' + tasks.map(t =>
            '<a class="card task" data-task="' + t.id + '" href="?task=' + t.id + '">' +
            '<div><strong>' + esc(t.pointName) + '</strong></div>' +
            '<div class="muted">' + esc(t.categoryName) + ' · ' + esc(t.pointCode) + ' · ' + esc(t.planName || t.kindName) + '</div>' +
            '<div>' + (t.status === 'done' ? '<span class="tag done">已完成</span>' : t.overdue ? '<span class="tag overdue">已超期</span>' : '<span class="tag">待督查</span>') +
            '<span class="muted">截止 ' + esc(t.dueDate) + '</span></div></a>').join('');
    }

    function distanceMeters(lon1, lat1, lon2, lat2) {
        const rad = d => d * Math.PI / 180;
        const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
        return 2 * 6371000 * Math.asin(Math.sqrt(a));
    }

    async function showChecklist(taskId) {
        const data = await api('/api/v1/inspection-tasks/' + taskId);
        const task = data.task;
        // One key per task form: a resend after a dropped connection answers the first record instead of a second one.
        const keyName = 'inspection-key-' + taskId;
        const key = sessionStorage.getItem(keyName) || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
        sessionStorage.setItem(keyName, key);
        const answers = {};
        let position = null;

        app.innerHTML = '<div class="card"><strong>' + esc(task.pointName) + '</strong><div class="muted">' + esc(task.categoryName) + ' · ' +
            esc(data.address || task.pointCode) + '</div><div id="where" class="muted">正在获取位置…</div></div>' +
            '<div id="errors"></div>' +
            data.items.map((row, i) => item(row.standard, i)).join('') +
            '<textarea id="note" placeholder="备注（选填）" maxlength="500"></textarea>' +
            '<p><button class="primary" id="submit">提交督查记录</button></p>';

        function item(s, i) {
            const value = s.observation === 'passFail' ? '' :
                '<input type="number" min="0" step="1" inputmode="numeric" data-value="' + esc(s.code) + '" placeholder="' + esc(s.howObserved) + '" />';
            return '<div class="card" data-item="' + esc(s.code) + '"><div>' + (i + 1) + '. ' + esc(s.text) + '</div>' +
                '<div class="muted">' + esc(s.howObserved) + ' · ' + s.points + ' 分</div>' + value +
                '<div class="choices">' + (s.observation === 'passFail' ? '<button type="button" class="pass" data-result="pass">达标</button><button type="button" class="fail" data-result="fail">不达标</button>' : '') +
                '<button type="button" class="na" data-result="na">不适用</button></div>' +
                '<div class="photo"><label>照片 <input type="file" accept="image/*" capture="environment" data-photo="' + esc(s.code) + '" /></label><div data-thumbs></div></div></div>';
        }

        if (navigator.geolocation) {
            navigator.geolocation.getCurrentPosition(p => {
                position = { lon: p.coords.longitude, lat: p.coords.latitude };
                const d = distanceMeters(position.lon, position.lat, data.lon, data.lat);
                document.getElementById('where').innerHTML = d > data.maxDistanceMeters
                    ? '<div class="warn">您距离点位约 ' + Math.round(d) + ' 米，超出 ' + data.maxDistanceMeters + ' 米，可继续提交，记录将标注位置异常。</div>'
                    : '已定位，距点位约 ' + Math.round(d) + ' 米';
            }, () => { document.getElementById('where').textContent = '未能获取位置，可继续提交。'; }, { enableHighAccuracy: true, timeout: 8000 });
        } else {
            document.getElementById('where').textContent = '设备不支持定位，可继续提交。';
        }

        app.querySelectorAll('[data-item]').forEach(card => {
            const code = card.dataset.item;
            answers[code] = { standardCode: code, photos: [] };
            card.querySelectorAll('[data-result]').forEach(b => b.addEventListener('click', () => {
                card.querySelectorAll('[data-result]').forEach(x => x.classList.remove('on'));
                b.classList.add('on');
                answers[code].result = b.dataset.result;
            }));
            const number = card.querySelector('[data-value]');
            number?.addEventListener('input', () => {
                answers[code].value = number.value === '' ? null : Number(number.value);
                answers[code].result = null;
                card.querySelectorAll('[data-result]').forEach(x => x.classList.remove('on'));
            });
            card.querySelector('[data-photo]').addEventListener('change', async e => {
                for (const file of e.target.files) {
                    const form = new FormData();
                    form.append('file', file);
                    try {
                        const uploaded = await api('/api/v1/files', { method: 'POST', body: form });
                        answers[code].photos.push(uploaded.id);
                        card.querySelector('[data-thumbs]').insertAdjacentHTML('beforeend', '<img alt="现场照片" src="' + esc(uploaded.thumbnailUrl) + '" />');
                    } catch (err) {
                        document.getElementById('errors').innerHTML = '<div class="error">' + esc(err.message) + '</div>';
                    }
                }
                e.target.value = '';
            });
        });

        document.getElementById('submit').addEventListener('click', async e => {
            const button = e.target;
            button.disabled = true;
            button.textContent = '正在提交…';
            const body = {
                submissionKey: key, taskId: task.id, lon: position?.lon, lat: position?.lat,
                note: document.getElementById('note').value || null,
                items: Object.values(answers).map(a => ({ standardCode: a.standardCode, result: a.result || null, value: a.value ?? null, photos: a.photos })),
            };
            try {
                const record = await api('/api/v1/inspections', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
                sessionStorage.removeItem(keyName);
                showResult(record);
            } catch (err) {
                document.getElementById('errors').innerHTML = '<div class="error">' + esc(err.message) + '</div>';
                window.scrollTo(0, 0);
                button.disabled = false;
                button.textContent = '提交督查记录';
            }
        });
    }

    function showResult(record) {
        const failures = record.items.filter(i => i.result === 'fail');
        app.innerHTML = '<div class="card" id="result"><div class="muted">' + esc(record.pointName) + '</div>' +
            '<div class="score">得分率 ' + (record.scoreRate * 100).toFixed(1) + '%</div>' +
            (record.locationWarning ? '<div class="warn">位置距点位 ' + Math.round(record.distanceMeters) + ' 米，已标注位置异常。</div>' : '') +
            '<div>不达标 ' + record.failedItems + ' 项' + (failures.length ? '，已生成问题案卷：' : '') + '</div>' +
            failures.map(f => '<div class="muted">· ' + esc(f.text) + (f.caseId ? '（案卷 ' + f.caseId + '）' : '') + '</div>').join('') +
            '</div><p><a class="primary" style="display:block;text-align:center;text-decoration:none" href="/inspect">返回任务列表</a></p>';
    }

    const taskId = new URLSearchParams(location.search).get('task');
    (taskId ? showChecklist(taskId) : showTasks()).catch(err => {
        app.innerHTML = '<div class="error">' + esc(err.message) + '</div>';
    });
})();
