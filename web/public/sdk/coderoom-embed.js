/* CodeRoom embed client (issue 16, docs/embedding.md). A classic script: load it from the CodeRoom service
 *   <script src="https://coderoom.example.com/sdk/coderoom-embed.js"></script>
 * and use the global CodeRoomEmbed (types in coderoom-embed.d.ts). It mounts the /embed page in an iframe, hands it the
 * candidate's token by postMessage once the page says it is ready (never in the URL), and turns the page's messages
 * into typed events. Only messages from the iframe's own window and the service's origin are heard. */
(function (global) {
  'use strict';
  var EVENTS = {
    'coderoom:ready': 'ready',
    'coderoom:code-changed': 'codeChanged',
    'coderoom:run-finished': 'runFinished',
    'coderoom:submitted': 'submitted',
    'coderoom:error': 'error',
  };

  function mount(container, options) {
    if (!container || !options || !options.serviceUrl || !options.problem || !options.attempt || !options.token) {
      throw new Error('CodeRoomEmbed.mount(container, { serviceUrl, problem, attempt, token }) needs all four');
    }
    var service = new URL(options.serviceUrl);
    var serviceOrigin = service.origin;
    var url = new URL('/embed/', service);
    url.searchParams.set('problem', options.problem);
    url.searchParams.set('attempt', options.attempt);
    if (options.language) url.searchParams.set('language', options.language);
    var iframe = document.createElement('iframe');
    iframe.src = url.toString();
    iframe.title = options.title || 'CodeRoom';
    iframe.style.border = '0';
    iframe.style.width = '100%';
    iframe.style.height = options.height || '100%';
    iframe.allow = 'clipboard-read; clipboard-write';
    var listeners = {};
    var destroyed = false;

    function emit(name, detail) {
      (listeners[name] || []).slice().forEach(function (fn) {
        try {
          fn(detail);
        } catch (e) {
          setTimeout(function () {
            throw e;
          });
        }
      });
    }

    function sendToken(token) {
      iframe.contentWindow && iframe.contentWindow.postMessage({ type: 'coderoom:init', token: token }, serviceOrigin);
    }

    function resolveToken() {
      return Promise.resolve(typeof options.token === 'function' ? options.token() : options.token);
    }

    function onMessage(ev) {
      if (destroyed || ev.origin !== serviceOrigin || ev.source !== iframe.contentWindow) return;
      var data = ev.data || {};
      var name = EVENTS[data.type];
      if (!name) return;
      if (name === 'ready') {
        resolveToken().then(sendToken, function (e) {
          emit('error', { type: 'coderoom:error', message: 'could not get a token: ' + (e && e.message ? e.message : e) });
        });
      }
      emit(name, data);
    }
    global.addEventListener('message', onMessage);
    container.appendChild(iframe);

    return {
      iframe: iframe,
      on: function (name, fn) {
        (listeners[name] = listeners[name] || []).push(fn);
        return function () {
          listeners[name] = (listeners[name] || []).filter(function (x) {
            return x !== fn;
          });
        };
      },
      /** A fresh token (before the old one expires). */
      setToken: function (token) {
        iframe.contentWindow && iframe.contentWindow.postMessage({ type: 'coderoom:token', token: token }, serviceOrigin);
      },
      destroy: function () {
        destroyed = true;
        global.removeEventListener('message', onMessage);
        iframe.remove();
      },
    };
  }

  global.CodeRoomEmbed = { mount: mount, version: '1' };
})(window);
