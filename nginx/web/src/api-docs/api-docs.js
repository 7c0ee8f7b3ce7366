// The browsable API page: Swagger UI (served from this origin) reading /api/openapi.
window.ui = window.SwaggerUIBundle({
  url: "/api/openapi",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null, // no badge fetched from elsewhere
  presets: [window.SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
