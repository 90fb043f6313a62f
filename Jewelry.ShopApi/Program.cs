using Jewelry.ShopApi.Endpoints;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopData();
builder.AddS3Client("models");
builder.AddCrmApiClient();
builder.AddModelUploads();
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapOrderEndpoints();
app.MapOrderModelEndpoints();
app.MapCustomerEndpoints();

app.Run();
