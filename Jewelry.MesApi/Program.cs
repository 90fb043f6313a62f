using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Topology;
using Jewelry.MesApi.Data;
using Jewelry.MesApi.Endpoints;
using Jewelry.MesApi.Messaging;
using Jewelry.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMesData();
builder.AddS3Client("models");
builder.AddMessaging<MesDbContext>("messaging")
    .AddConsumer<PriceCalculationRequested, PriceRequestHandler>(OrderTopology.MesPriceRequests)
    .AddConsumer<ManufacturingApproved, ApprovalHandler>(OrderTopology.MesApprovals);
builder.AddMesPricing();
builder.AddSellerAuthentication();
builder.AddOperatorAuthentication();
builder.AddSellerOrders();
builder.Services.AddOpenApi(options => options.AddSellerSecurity().AddOperatorSecurity());

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();

app.MapProductionOrderEndpoints();
app.MapProductionOverviewEndpoints();
app.MapPriceCalculationEndpoints();
app.MapSellerOrderEndpoints();

app.Run();
