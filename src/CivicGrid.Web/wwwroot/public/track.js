// 办理进度: copying the private link; the page itself needs no script.
(() => {
    'use strict';
    document.querySelectorAll('[data-copy]').forEach((button) => {
        button.addEventListener('click', async () => {
            const input = document.querySelector(button.dataset.copy);
            try {
                await navigator.clipboard.writeText(input.value);
            } catch {
                input.select();
                document.execCommand?.('copy');
            }
            button.textContent = '已复制';
            setTimeout(() => { button.textContent = '复制'; }, 2000);
        });
    });
})();
