using System.Text.Encodings.Web;
using System.Text.Json;

namespace KitchenWorkflows.Server.ElsaStudio;

/// <summary>
/// Our page around Elsa Studio's custom elements (the package's own index.html is a demo that links Google's fonts):
/// one element at a time, chosen by the address's fragment, so the WebAssembly runtime loads once and the browser's
/// back button walks list → editor → instance. The elements call <c>/elsa/api</c> with the page's credential.
/// </summary>
internal static class ElsaStudioPage
{
    private const string Style = """
        html,body{margin:0;height:100%}
        body{display:flex;flex-direction:column}
        .kw-elsa-nav{display:flex;align-items:center;gap:4px;padding:6px 16px;background:#1565c0;color:#fff;font-family:Roboto,Helvetica,Arial,sans-serif}
        .kw-elsa-nav strong{margin-right:16px}
        .kw-elsa-nav a{color:#fff;text-decoration:none;padding:6px 10px;border-radius:4px}
        .kw-elsa-nav a[aria-current=page]{background:rgba(255,255,255,.2)}
        .kw-elsa-nav .kw-spacer{flex:1}
        #elsa-host{flex:1;min-height:0;overflow:auto}
        #blazor-error-ui{display:none;position:fixed;bottom:0;left:0;right:0;padding:8px 16px;background:#ffebee;color:#b71c1c;z-index:2000}
        """;

    // Hash routes: #/ the definitions, #/definitions/{id} the editor, #/instances the instances, #/instances/{id} the viewer.
    // The elements raise the next step as callbacks (a JavaScript function set as the element's property): a row's click
    // in the list, a run in the editor, an instance in the instance list, "edit" in the viewer.
    private const string Script = """
        const credential = JSON.parse(document.getElementById('elsa-credential').textContent);
        const endpoint = new URL('../elsa/api', document.baseURI).href;
        let accessToken = credential.accessToken;

        function go(hash) { location.hash = hash; }

        function create(name, attributes, callbacks) {
          const element = document.createElement(name);
          element.setAttribute('remote-endpoint', endpoint);
          element.setAttribute('access-token', accessToken);
          for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
          Object.assign(element, callbacks);
          return element;
        }

        let routes = 0;

        function target(path) {
          let match;
          if ((match = path.match(/^\/definitions\/(.+)$/)))
            return ['definitions', 'elsa-workflow-definition-editor', { 'definition-id': decodeURIComponent(match[1]) }, {
              workflowDefinitionExecuted: async instanceId => go('#/instances/' + encodeURIComponent(instanceId)),
            }];
          if ((match = path.match(/^\/instances\/(.+)$/)))
            return ['instances', 'elsa-workflow-instance-viewer', { 'instance-id': decodeURIComponent(match[1]) }, {
              editWorkflowDefinition: definitionId => go('#/definitions/' + encodeURIComponent(definitionId)),
            }];
          if (path === '/instances')
            return ['instances', 'elsa-workflow-instance-list', {}, {
              viewWorkflowInstance: instanceId => go('#/instances/' + encodeURIComponent(instanceId)),
            }];
          return ['definitions', 'elsa-workflow-definition-list', {}, {
            editWorkflowDefinition: definitionId => go('#/definitions/' + encodeURIComponent(definitionId)),
          }];
        }

        // Blazor disposes a removed element's component only a second after it left the page. Each element holds its own
        // MudBlazor popover provider, and a second one alive at the same time fails ("There is already a subscriber to the
        // content with the given section ID 'mud-overlay-to-popover-provider'"), so the old one is disposed first.
        // Once per element, however many routes retire it while it is going.
        function retire(element) {
          element.retired ??= (async () => {
            element.remove();
            const component = await element._addRootComponentPromise;
            await component?.dispose();
          })();
          return element.retired;
        }

        async function route() {
          const [section, name, attributes, callbacks] = target(location.hash.replace(/^#/, '') || '/');
          document.querySelectorAll('[data-section]').forEach(a =>
            a.dataset.section === section ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current'));
          // Created only once Blazor has defined the element: on an element created before, the callbacks set as
          // properties are lost when it is upgraded.
          // A hash change that leaves the view as it is (an element rewriting the address, #/ for an empty hash) keeps
          // the element: a new one would close what the person has open in it, such as a dialog being filled in.
          const view = name + JSON.stringify(attributes);
          const host = document.getElementById('elsa-host');
          const shown = host.firstElementChild;
          if (shown && !shown.retired && shown.dataset.view === view) return;
          const routed = ++routes;
          await customElements.whenDefined(name);
          if (routed !== routes) return;
          await Promise.all([...host.children].map(retire));
          if (routed !== routes) return;
          const element = create(name, attributes, callbacks);
          element.dataset.view = view;
          host.replaceChildren(element);
        }

        // A fresh credential before this one lapses. The elements keep theirs in one shared service, which a new
        // <elsa-backend-provider> sets; a page whose sign-in ended reloads into the sign-in page.
        async function renew() {
          const response = await fetch('credential', { cache: 'no-store', credentials: 'same-origin' });
          if (!response.ok || response.redirected) { location.reload(); return; }
          accessToken = (await response.json()).accessToken;
          await customElements.whenDefined('elsa-backend-provider');
          const provider = create('elsa-backend-provider', {}, {});
          provider.hidden = true;
          document.body.append(provider);
          setTimeout(() => provider.remove(), 10000);
        }

        // After a run the editor moves to Elsa Studio's own address of the instance, workflows/instances/{id}/view (the
        // callback it would call instead cannot be set from JavaScript: Blazor hands functions only to event callbacks),
        // by a navigation within the page. Such an address becomes the view of ours; the server redirects it too, for a
        // reload or a browser without the Navigation API.
        window.navigation?.addEventListener('navigate', event => {
          const destination = new URL(event.destination.url);
          const match = destination.pathname.match(/\/elsa-studio\/workflows\/(instances|definitions)\/([^/]+)\/(view|edit)$/);
          if (!match || !event.cancelable) return;
          event.preventDefault();
          go('#/' + match[1] + '/' + match[2]);
        });

        setInterval(renew, credential.expiresIn * 1000 / 3);
        window.addEventListener('hashchange', route);
        route();
        """;

    public static IResult Host(ElsaStudioCredential credential) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Elsa Studio · KitchenWorkflows</title>
            <base href="{ElsaStudioEndpoints.Path}/" />
            <link rel="icon" type="image/png" sizes="32x32" href="_content/Elsa.Studio.Shell/favicon-32x32.png" />
            <link href="_content/MudBlazor/MudBlazor.min.css" rel="stylesheet" />
            <link href="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css" rel="stylesheet" />
            <link href="_content/Radzen.Blazor/css/material-base.css" rel="stylesheet" />
            <link href="_content/Elsa.Studio.Shell/css/shell.css" rel="stylesheet" />
            <link href="Elsa.Studio.Host.CustomElements.styles.css" rel="stylesheet" />
            <style>{Style}</style>
        </head>
        <body>
        <nav class="kw-elsa-nav">
            <strong>Elsa Studio</strong>
            <a href="#/" data-section="definitions">Workflows</a>
            <a href="#/instances" data-section="instances">Instances</a>
            <span class="kw-spacer"></span>
            <a href="/studio" data-testid="to-studio">Kitchen Lab Studio</a>
        </nav>
        <main id="elsa-host"></main>
        <div id="blazor-error-ui">An unhandled error has occurred. <a href="" class="reload">Reload</a></div>
        <script id="elsa-credential" type="application/json">{JsonSerializer.Serialize(credential, JsonSerializerOptions.Web)}</script>
        <script src="_content/BlazorMonaco/jsInterop.js"></script>
        <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js"></script>
        <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js"></script>
        <script src="_content/MudBlazor/MudBlazor.min.js"></script>
        <script src="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js"></script>
        <script src="_content/Radzen.Blazor/Radzen.Blazor.js"></script>
        <script src="_framework/blazor.webassembly.js"></script>
        <script>{Script}</script>
        </body>
        </html>
        """, "text/html; charset=utf-8");

    /// <summary>What /elsa-studio says when the build could not bring the package (npm or its registry out of reach).</summary>
    public static IResult Missing(string folder) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><title>Elsa Studio · not installed</title></head>
        <body style="font-family:Roboto,Helvetica,Arial,sans-serif;max-width:640px;margin:10vh auto">
        <h1>Elsa Studio is not installed on this server</h1>
        <p data-testid="elsa-studio-missing">The build fetches Elsa Studio's npm package (@elsa-workflows/elsa-studio-wasm) with npm, and could not:
        npm was not on the PATH or its registry was out of reach, and nothing was cached. No files are in
        <code>{HtmlEncoder.Default.Encode(folder)}</code>. Build the server again where npm reaches its registry.</p>
        <p><a href="/studio">The Kitchen Lab Studio</a> works without it.</p>
        </body></html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
}
