using Jewelry.Contracts.Orders;
using Jewelry.MesApi.Data;
using Jewelry.MesApi.Domain;
using Jewelry.MesApi.Dtos;
using Jewelry.MesApi.Pricing;
using Jewelry.MesApi.Sellers;
using Jewelry.MesApi.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jewelry.MesApi.Endpoints;

/// <summary>
/// External sellers place orders with their own models and follow them, with the token server's access tokens
/// (through the partner gateway) or, deprecated, HTTP Basic. A seller sees only its own orders: another seller's
/// order is answered 404, exactly as one that does not exist.
/// </summary>
public static class SellerOrderEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapSellerOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var seller = app.MapGroup(SellerApi.Prefix)
            .WithTags("Sellers")
            .RequireAuthorization(SellerAuthentication.Policy)
            .AddEndpointFilter<SellerSpanFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        seller.MapPost("/orders", CreateAsync)
            .RequireAuthorization(SellerAuthentication.WritePolicy)
            .WithName("CreateSellerOrder")
            .WithSummary("Place an order: the STL model is priced at once and the order queued for production.")
            .Accepts<SellerOrderForm>("multipart/form-data")
            .Produces<SellerOrderResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        seller.MapGet("/orders/{orderId:guid}", GetAsync)
            .RequireAuthorization(SellerAuthentication.ReadPolicy)
            .WithName("GetSellerOrder")
            .WithSummary("One of the seller's orders: stage, history, price, geometry and tracking number.")
            .Produces<SellerOrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        seller.MapGet("/orders/{orderId:guid}/journey", GetJourneyAsync)
            .RequireAuthorization(SellerAuthentication.ReadPolicy)
            .WithName("GetSellerOrderJourney")
            .WithSummary("Where one of the seller's orders is now, since when, and every stage it passed with its duration.")
            .Produces<SellerOrderJourneyResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        seller.MapGet("/orders", ListAsync)
            .RequireAuthorization(SellerAuthentication.ReadPolicy)
            .WithName("ListSellerOrders")
            .WithSummary("The seller's own orders, newest first (limit: 1–200, default 50).")
            .Produces<IReadOnlyList<SellerOrderSummaryResponse>>()
            .ProducesValidationProblem();

        return app;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context,
        ModelPricer pricer,
        SellerOrderService service,
        TimeProvider clock,
        PricingMetrics metrics,
        IOptions<MesOptions> options,
        CancellationToken cancellationToken)
    {
        var read = await SellerUploadReader.ReadAsync(context.Request, options.Value.MaxModelBytes, cancellationToken);
        if (!read.Succeeded)
        {
            return TypedResults.Problem(read.Detail, statusCode: read.StatusCode);
        }

        var (model, material, productType) = read.Upload;
        var errors = SellerOrderRules.Validate(material, productType);
        if (errors.Count > 0 || material is null || productType is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var started = clock.GetTimestamp();
        var pricing = pricer.Price(model, material);
        metrics.Record(clock.GetElapsedTime(started), pricing.Succeeded);
        if (!pricing.Succeeded)
        {
            return TypedResults.Problem(pricing.Reason, statusCode: pricing.Failure switch
            {
                PricingFailure.NotStl => StatusCodes.Status415UnsupportedMediaType,
                PricingFailure.UnknownMaterial => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status422UnprocessableEntity,
            });
        }

        var clientId = context.User.GetSellerClientId();
        try
        {
            var (order, calculation) = await service.PlaceAsync(clientId, model, material, productType, pricing.Priced, clock.GetElapsedTime(started), cancellationToken);
            return TypedResults.Created($"{SellerApi.Orders}/{order.OrderId}", SellerOrderResponse.From(order, calculation));
        }
        catch (ModelStoreUnavailableException)
        {
            return TypedResults.Problem("The model store is unavailable; nothing was ordered. Try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> GetAsync(Guid orderId, HttpContext context, MesDbContext db, CancellationToken cancellationToken)
    {
        var order = await FindOwnAsync(orderId, context, db, cancellationToken);
        return order is null
            ? NotYours(orderId)
            : TypedResults.Ok(SellerOrderResponse.From(order, await db.LatestCalculationAsync(orderId, cancellationToken)));
    }

    private static async Task<IResult> GetJourneyAsync(Guid orderId, HttpContext context, MesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await FindOwnAsync(orderId, context, db, cancellationToken);
        return order is null
            ? NotYours(orderId)
            : TypedResults.Ok(SellerOrderJourneyResponse.From(orderId, ProductionJourney.Of(order, clock.GetUtcNow())));
    }

    /// <summary>The order with its history when it is the calling seller's own; null for any other (or none).</summary>
    private static Task<ProductionOrder?> FindOwnAsync(Guid orderId, HttpContext context, MesDbContext db, CancellationToken cancellationToken)
    {
        var clientId = context.User.GetSellerClientId();
        return db.ProductionOrders
            .AsNoTracking()
            .Include(p => p.Steps)
            .FirstOrDefaultAsync(p => p.OrderId == orderId && p.Source == ProductionSource.Seller && p.SellerClientId == clientId, cancellationToken);
    }

    private static ProblemHttpResult NotYours(Guid orderId) =>
        TypedResults.Problem($"You have no order {orderId}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<List<SellerOrderSummaryResponse>>, ValidationProblem>> ListAsync(
        HttpContext context, MesDbContext db, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {MaxPageSize}."] });
        }

        var clientId = context.User.GetSellerClientId();
        var orders = await db.ProductionOrders
            .AsNoTracking()
            .Where(p => p.SellerClientId == clientId)
            .OrderByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.OrderId)
            .Take(limit ?? DefaultPageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(orders.Select(SellerOrderSummaryResponse.From).ToList());
    }
}
