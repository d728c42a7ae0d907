package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/ports"
)

// Image limits of the contract.
const (
	MaxImageBytes = 5 << 20
	uploadTTL     = 15 * time.Minute
)

var uploadTypes = map[string]bool{"image/jpeg": true, "image/png": true, "image/webp": true}

// UploadImage replaces a recipe's picture with the uploaded one and its variants.
func (c *Catalogue) UploadImage(ctx context.Context, p Principal, id int64, data []byte) (*recipe.Recipe, error) {
	if !p.IsAdmin() {
		return nil, errAdminOnly
	}
	if _, err := c.recipe(ctx, id); err != nil {
		return nil, err
	}
	if len(data) > MaxImageBytes {
		return nil, &domain.Error{Code: domain.CodePayloadTooLarge, Message: "image must be at most 5 MiB"}
	}
	variants, err := c.Imaging.Variants(data)
	if err != nil {
		return nil, err
	}
	images, err := c.storeVariants(ctx, id, variants)
	if err != nil {
		return nil, err
	}
	return c.UpdateRecipe(ctx, p, id, func(r *recipe.Recipe) { r.Images = images })
}

// storeVariants writes every variant under a fresh prefix, so that CDN
// caches of the previous picture never serve stale bytes.
func (c *Catalogue) storeVariants(ctx context.Context, id int64, variants []ports.ImageVariant) (recipe.Images, error) {
	prefix := "recipes/" + strconv.FormatInt(id, 10) + "/" + strconv.FormatInt(c.Clock.Now().UnixMilli(), 36) + "-"
	var images recipe.Images
	for _, v := range variants {
		key := prefix + v.Name + extension(v.ContentType)
		if err := c.Images.Put(ctx, key, v.Data, v.ContentType); err != nil {
			return recipe.Images{}, err
		}
		url := c.Images.URL(key)
		switch v.Name {
		case "original":
			images.Original = url
		case "large":
			images.Large = url
		case "medium":
			images.Medium = url
		case "thumbnail":
			images.Thumbnail = url
		}
	}
	return images, nil
}

func extension(contentType string) string {
	switch contentType {
	case "image/png":
		return ".png"
	case "image/webp":
		return ".webp"
	}
	return ".jpg"
}

// UploadTicket is a presigned upload and the key to confirm it with.
type UploadTicket struct {
	ports.PresignedUpload
	Key string
}

// CreateUploadURL lets an admin's browser upload a picture straight to the
// image store; ConfirmUpload then turns it into the recipe's picture.
func (c *Catalogue) CreateUploadURL(ctx context.Context, p Principal, id int64, contentType string) (UploadTicket, error) {
	if !p.IsAdmin() {
		return UploadTicket{}, errAdminOnly
	}
	if !uploadTypes[strings.ToLower(strings.TrimSpace(contentType))] {
		return UploadTicket{}, &domain.Error{Code: domain.CodeUnsupportedMedia, Message: "image must be JPEG, PNG or WebP"}
	}
	if _, err := c.recipe(ctx, id); err != nil {
		return UploadTicket{}, err
	}
	key := uploadPrefix(id) + c.IDs.NewID()
	up, err := c.Images.PresignPut(ctx, key, strings.ToLower(contentType), uploadTTL)
	return UploadTicket{PresignedUpload: up, Key: key}, err
}

func uploadPrefix(id int64) string { return "uploads/recipes/" + strconv.FormatInt(id, 10) + "/" }

var errUnknownUpload = domain.Invalid("unknown upload key", map[string]string{"key": "no upload with this key"})

// ConfirmUpload processes a picture uploaded through CreateUploadURL.
func (c *Catalogue) ConfirmUpload(ctx context.Context, p Principal, id int64, key string) (*recipe.Recipe, error) {
	if !p.IsAdmin() {
		return nil, errAdminOnly
	}
	if !strings.HasPrefix(key, uploadPrefix(id)) || strings.Contains(key, "..") {
		return nil, errUnknownUpload
	}
	data, _, err := c.Images.Get(ctx, key)
	if err != nil {
		return nil, notFoundAs(err, errUnknownUpload)
	}
	r, err := c.UploadImage(ctx, p, id, data)
	if err == nil {
		if derr := c.Images.Delete(ctx, key); derr != nil {
			c.Logger.Warn("upload not removed after processing", "key", key, "err", derr)
		}
	}
	return r, err
}
