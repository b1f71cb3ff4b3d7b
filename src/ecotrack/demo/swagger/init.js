// Starts Swagger UI on the gateway's merged OpenAPI document. A file rather than an
// inline script, so the Content-Security-Policy can keep script-src 'self'.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // The default validator badge is an image from validator.swagger.io: nothing leaves.
  validatorUrl: null,
});
