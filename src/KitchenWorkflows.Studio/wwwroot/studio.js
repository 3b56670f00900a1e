window.kwStudio = {
    // Hands text the Studio fetched through the API to the browser as a file download.
    download: function (fileName, text) {
        const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(url);
    },

    // Gives the keyboard back to the diagram inside a container (its shortcuts listen there).
    focusCanvas: function (container) {
        const canvas = container && container.querySelector(".diagram-canvas");
        if (canvas) {
            canvas.focus();
        }
    },

    // The size of an activity node and where its ports sit inside it, in unscaled canvas pixels. The scale is read
    // from the same layout as the boxes, so a zoom that changes while the answer travels cannot skew them (the
    // diagram library divides screen boxes by the zoom it holds when they arrive, which a fit may just have changed).
    measureNode: function (element) {
        const node = element.closest(".diagram-node") || element;
        const box = node.getBoundingClientRect();
        const scale = node.offsetWidth > 0 ? box.width / node.offsetWidth : 1;
        const ports = Array.from(node.querySelectorAll("[data-port-id]")).map(port => {
            const rect = port.getBoundingClientRect();
            return {
                id: port.getAttribute("data-port-id"),
                x: (rect.left - box.left) / scale,
                y: (rect.top - box.top) / scale,
                width: rect.width / scale,
                height: rect.height / scale
            };
        });
        return { width: node.offsetWidth, height: node.offsetHeight, ports: ports };
    },

    // Declares the open definition's script globals (ScriptGlobals) to the code editor's JavaScript completion.
    setScriptGlobals: function (declarations) {
        const javaScript = monaco.languages.typescript.javascriptDefaults;
        if (!this.globalsLib) {
            // Only the server's check marks errors: it knows the engine's dialect (a top-level return), the editor's would not.
            javaScript.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
        } else {
            this.globalsLib.dispose();
        }
        this.globalsLib = javaScript.addExtraLib(declarations, "ts:kitchenworkflows/globals.d.ts");
    },

    // Marks the server's compile error in a code editor (from its line and column on to the line's end), or clears it.
    setError: function (editorId, message, line, column) {
        const editor = window.blazorMonaco.editor.getEditor(editorId, true);
        const model = editor && editor.getModel();
        if (!model) {
            return;
        }
        const lineNumber = Math.min(Math.max(line, 1), model.getLineCount());
        const markers = message == null ? [] : [{
            severity: monaco.MarkerSeverity.Error,
            message: message,
            startLineNumber: lineNumber,
            startColumn: Math.min(Math.max(column, 1), model.getLineMaxColumn(lineNumber)),
            endLineNumber: lineNumber,
            endColumn: model.getLineMaxColumn(lineNumber)
        }];
        monaco.editor.setModelMarkers(model, "kitchenworkflows", markers);
    }
};
