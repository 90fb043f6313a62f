using Jewelry.Contracts.Orders;
using Jewelry.ServiceDefaults.S3;
using Jewelry.ShopApi.Dtos;
using Jewelry.ShopApi.Models;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Dtos;
using Jewelry.ShopData.Http;
using Jewelry.ShopData.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.ShopApi.Endpoints;

/// <summary>An order's 3D model.</summary>
public static class OrderModelEndpoints
{
    public static IEndpointRouteBuilder MapOrderModelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/orders/{id:guid}/model", UploadAsync)
            .WithTags("Orders")
            .WithName("UploadOrderModel")
            .WithSummary("Upload or replace the order's 3D model")
            .WithDescription(
                "multipart/form-data with the STL file (binary or ASCII) in the field 'file'. Moves the order to FILE_UPLOADED; "
                + "the model may be replaced until the order is submitted. Refusals change nothing: 404 unknown order, "
                + "409 status does not allow it, 413 larger than the limit, 415 not STL, 422 STL but not a printable solid.")
            .Accepts<ModelUploadForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    internal static async Task<Results<Ok<OrderResponse>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        Guid id,
        HttpRequest request,
        ShopDbContext db,
        ModelUploadReader reader,
        ModelStore store,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(OrderModelEndpoints));

        // Refusals that need no body come first, so a client is not made to send 50 MiB for nothing.
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound(id);
        }

        OrderTracking.Track(order, order.CustomerId);
        if (!order.CanMoveTo(OrderStatus.FileUploaded))
        {
            return OrderProblems.StatusConflict(order.Status, order.DescribeRefusal(OrderStatus.FileUploaded));
        }

        var upload = await reader.ReadAsync(request, cancellationToken);
        switch (upload.Outcome)
        {
            case ModelUploadOutcome.TooLarge:
                return TypedResults.Problem(
                    title: "The model is too large",
                    detail: $"A model may be at most {reader.MaxModelBytes} bytes ({reader.MaxModelBytes / (1024.0 * 1024):0.##} MiB).",
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    extensions: new Dictionary<string, object?> { ["maxBytes"] = reader.MaxModelBytes });
            case ModelUploadOutcome.NotMultipart:
                return TypedResults.Problem(
                    title: "Send the model as multipart/form-data",
                    detail: $"Upload the STL file as multipart/form-data in the field '{ModelUploadReader.FieldName}'.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            case ModelUploadOutcome.MissingFile:
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [ModelUploadReader.FieldName] = [$"The form has no '{ModelUploadReader.FieldName}' field with the STL model."] },
                    title: "The model is missing");
            case ModelUploadOutcome.Malformed:
                return TypedResults.Problem(
                    title: "The upload could not be read",
                    detail: upload.Reason,
                    statusCode: StatusCodes.Status400BadRequest);
        }

        var check = ModelCheck.Of(upload.Content.Span);
        if (check.Outcome != ModelCheckOutcome.Printable)
        {
            logger.LogInformation("Model for order {OrderId} refused: {Outcome}", id, check.Outcome);
            return check.Outcome == ModelCheckOutcome.NotStl
                ? TypedResults.Problem(title: "The file is not an STL model", detail: check.Reason, statusCode: StatusCodes.Status415UnsupportedMediaType)
                : TypedResults.Problem(title: "The model cannot be manufactured", detail: check.Reason, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return await StoreAsync(id, upload, db, store, clock, logger, cancellationToken);
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult, ValidationProblem>> StoreAsync(
        Guid id,
        ModelUpload upload,
        ShopDbContext db,
        ModelStore store,
        TimeProvider clock,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Held until the commit: a concurrent submit waits, then sees this model, never a half-replaced one.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM orders WHERE id = {id} FOR UPDATE", ct);
            var order = await db.FindWithHistoryAsync(id, ct);
            if (order is null)
            {
                return (Results<Ok<OrderResponse>, ProblemHttpResult, ValidationProblem>)OrderProblems.NotFound(id);
            }

            try
            {
                order.MoveTo(OrderStatus.FileUploaded, clock.GetUtcNow(), OrderSources.ShopApi, order.CustomerId);
            }
            catch (OrderTransitionRefusedException refusal)
            {
                return OrderProblems.TransitionRefused(refusal);
            }

            var key = ModelObjectKeys.For(order.Id);
            try
            {
                await store.PutAsync(key, upload.Content, ct);
            }
            catch (Exception ex) when (S3Unavailable.Is(ex, ct))
            {
                logger.LogWarning(ex, "Could not store the model of order {OrderId}", order.Id);
                return TypedResults.Problem(
                    title: "The model store is unavailable",
                    detail: $"The model of order {order.Id} could not be stored; nothing was changed. Try again shortly.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            order.ModelObjectKey = key;
            order.ModelSizeBytes = upload.Content.Length;
            order.ModelFileName = ModelFileNames.Sanitize(upload.FileName);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return OrderProblems.ConcurrentChange(order.Id);
            }

            await transaction.CommitAsync(ct);
            OrderTracking.Track(order);
            logger.LogInformation("Model of order {OrderId} stored: {SizeBytes} bytes", order.Id, upload.Content.Length);
            return TypedResults.Ok(order.ToResponse());
        }, cancellationToken);
    }
}
