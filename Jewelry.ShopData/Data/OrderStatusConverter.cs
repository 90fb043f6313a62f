using Jewelry.Contracts.Orders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jewelry.ShopData.Data;

/// <summary>Stores an <see cref="OrderStatus"/> under its contract name (<c>FILE_UPLOADED</c>).</summary>
internal sealed class OrderStatusConverter()
    : ValueConverter<OrderStatus, string>(status => status.ToName(), name => OrderStatusNames.Parse(name));
