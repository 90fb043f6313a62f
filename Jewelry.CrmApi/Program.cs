using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Topology;
using Jewelry.CrmApi.Endpoints;
using Jewelry.CrmApi.Messaging;
using Jewelry.CrmApi.Models;
using Jewelry.Messaging;
using Jewelry.ShopData.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopData();
builder.AddS3Client("models");
builder.AddMessaging<ShopDbContext>("messaging")
    .AddConsumer<PriceCalculated, PriceResultHandler>(OrderTopology.CrmPriceResults)
    .AddConsumer<PriceCalculationFailed, PriceResultHandler>(OrderTopology.CrmPriceResults)
    .AddConsumer<ProductionStageChanged, ProductionStageChangedHandler>(OrderTopology.CrmProductionEvents);
builder.AddStuckOrderThresholds();
builder.AddOperatorAuthentication();
builder.Services.AddSingleton<ModelStore>();
builder.Services.AddOpenApi(options => options.AddOperatorSecurity());

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();

app.MapPriceRequestEndpoints();
app.MapOrderEndpoints();
app.MapOrderActionEndpoints();

app.Run();
