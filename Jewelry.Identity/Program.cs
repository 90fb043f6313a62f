using Jewelry.Identity.Endpoints;
using Jewelry.Identity.Operators;

if (HashPasswordCommand.IsRequested(args))
{
    return HashPasswordCommand.Run();
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityData();
builder.AddTokenServer();
builder.AddClientSeeding();
builder.AddOperators();
builder.AddTokenEndpointRateLimit();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseRateLimiter();
app.UseAuthentication();

app.MapTokenEndpoint();

app.Run();
return 0;
