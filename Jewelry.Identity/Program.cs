using Jewelry.Identity.Endpoints;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityData();
builder.AddTokenServer();
builder.AddClientSeeding();
builder.AddTokenEndpointRateLimit();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseRateLimiter();
app.UseAuthentication();

app.MapTokenEndpoint();

app.Run();
