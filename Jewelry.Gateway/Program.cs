using Jewelry.Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnerAuthentication();
builder.AddPartnerRateLimit();
builder.AddPartnerProxy();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthentication();
app.UsePartnerTelemetry();
app.UseAuthorization();
app.UseRateLimiter();

app.MapReverseProxy();
app.MapNotPartnerRoute();

app.Run();
